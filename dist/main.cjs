#!/usr/bin/env node
'use strict';
const __bgsvcModuleUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/config/describe.ts
function quote(value) {
  if (typeof value === "string") {
    const short = value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS - 1)}…` : value;
    return JSON.stringify(short);
  }
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  return describeValue(value);
}
function describeValue(value) {
  if (value === null || value === void 0) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${quote(value)}`;
  return `${typeof value} ${String(value)}`;
}
function isMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function listOr(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
var MAX_QUOTED_CHARS;
var init_describe = __esm({
  "src/config/describe.ts"() {
    "use strict";
    MAX_QUOTED_CHARS = 60;
  }
});

// src/config/names.ts
function checkServiceName(name) {
  if (name.length === 0) return "must not be empty";
  if (name.length > MAX_NAME_LENGTH) {
    return `${quote(name)} is ${name.length} characters long; a name has at most ${MAX_NAME_LENGTH}`;
  }
  if (!NAME_CHARS.test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9._-]/g, ""))].map((c) => JSON.stringify(c)).join(", ");
    return `${quote(name)} contains ${bad}; use only letters, digits, ".", "_" and "-" (the name becomes the log file name)`;
  }
  if (name.startsWith(".")) {
    return `${quote(name)} must not start with "." (the name becomes the log file name)`;
  }
  const device = WINDOWS_DEVICE.exec(name);
  if (device !== null) {
    return `${quote(name)} is a reserved device name on Windows (${device[0].replace(".", "").toUpperCase()}); choose another`;
  }
  return void 0;
}
function deriveServiceNames(commands) {
  const taken = /* @__PURE__ */ new Set();
  return commands.map((command) => {
    const base = deriveBaseName(command);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, MAX_NAME_LENGTH - String(n).length - 1)}-${n}`;
    taken.add(name);
    return name;
  });
}
function deriveBaseName(command) {
  const words = [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  const word = words.find((w) => !LAUNCHER_WORDS.has(w) && !w.startsWith("-") && !ENV_ASSIGNMENT.test(w)) ?? words[0] ?? "";
  const basename3 = word.split(/[\\/]/).pop() ?? "";
  const unversioned = basename3.replace(/(.)@.*$/, "$1");
  let name = unversioned.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|-+$/g, "").slice(0, MAX_NAME_LENGTH);
  if (name === "") name = "service";
  if (WINDOWS_DEVICE.test(name)) name = `svc-${name}`.slice(0, MAX_NAME_LENGTH);
  return name;
}
function portVariable(service) {
  return `BGSVC_PORT_${service.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}`;
}
var MAX_NAME_LENGTH, NAME_CHARS, WINDOWS_DEVICE, LAUNCHER_WORDS, ENV_ASSIGNMENT;
var init_names = __esm({
  "src/config/names.ts"() {
    "use strict";
    init_describe();
    MAX_NAME_LENGTH = 64;
    NAME_CHARS = /^[A-Za-z0-9._-]+$/;
    WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i;
    LAUNCHER_WORDS = /* @__PURE__ */ new Set([
      "npx",
      "npm",
      "yarn",
      "pnpm",
      "bun",
      "bunx",
      "deno",
      "node",
      "sudo",
      "exec",
      "env",
      "nohup",
      "run",
      "run-script",
      "dlx"
    ]);
    ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
  }
});

// src/config/duration.ts
function durationForms(bareNumberUnit = "s") {
  return bareNumberUnit === "ms" ? "a number of milliseconds (in wait-for and shutdown-grace, as in background-action; elsewhere a bare number is seconds), or numbers with units ms, s, m or h, e.g. 500ms, 30s, 5m, 1h30m" : "a number of seconds, or numbers with units ms, s, m or h, e.g. 500ms, 30s, 2m, 1h30m";
}
function parseDuration(value, options = {}) {
  const bareMs = options.bareNumberUnit === "ms" ? 1 : UNIT_MS.s;
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * bareMs) : void 0;
  }
  if (typeof value !== "string") return void 0;
  const text = value.trim().toLowerCase();
  if (BARE_NUMBER.test(text)) return Math.round(Number(text) * bareMs);
  let ms = 0;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    const unit = UNIT_MS[match[2]];
    if (unit === void 0) return void 0;
    ms += Number(match[1]) * unit;
    consumed = PART.lastIndex;
  }
  return consumed > 0 && consumed === text.length ? Math.round(ms) : void 0;
}
function checkDuration(value, options) {
  const ms = parseDuration(value, options);
  if (ms === void 0) {
    const shown = quote(value);
    if (typeof value === "number" && value < 0 || typeof value === "string" && value.trim().startsWith("-")) {
      return { error: `invalid duration ${shown}: must not be negative` };
    }
    if (typeof value !== "string" && typeof value !== "number") {
      return { error: `expected a duration, got ${describeValue(value)} (${durationForms(options.bareNumberUnit)})` };
    }
    return { error: `invalid duration ${shown} (expected ${durationForms(options.bareNumberUnit)})` };
  }
  if (ms === 0 && !options.allowZero) return { error: `invalid duration ${quote(value)}: must be greater than 0` };
  if (ms > MAX_DURATION_MS) {
    const shown = formatDuration(ms) === formatDuration(MAX_DURATION_MS) ? "that" : formatDuration(ms);
    return { error: `invalid duration ${quote(value)}: ${shown} is longer than the 24h limit` };
  }
  return ms;
}
function formatDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0) return `${ms}ms`;
  if (Math.round(ms) < UNIT_MS.s) return `${Math.round(ms)}ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${tenths / 10}s`;
  const seconds = Math.round(ms / UNIT_MS.s);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds % 3600 / 60);
  if (hours > 0) return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
  const rest = seconds % 60;
  return rest === 0 ? `${minutes}m` : `${minutes}m ${rest}s`;
}
var UNIT_MS, BARE_NUMBER, PART, MAX_DURATION_MS, DURATION_FORMS;
var init_duration = __esm({
  "src/config/duration.ts"() {
    "use strict";
    init_describe();
    UNIT_MS = {
      ms: 1,
      msec: 1,
      msecs: 1,
      millisecond: 1,
      milliseconds: 1,
      s: 1e3,
      sec: 1e3,
      secs: 1e3,
      second: 1e3,
      seconds: 1e3,
      m: 6e4,
      min: 6e4,
      mins: 6e4,
      minute: 6e4,
      minutes: 6e4,
      h: 36e5,
      hr: 36e5,
      hrs: 36e5,
      hour: 36e5,
      hours: 36e5,
      d: 864e5,
      day: 864e5,
      days: 864e5,
      w: 6048e5,
      week: 6048e5,
      weeks: 6048e5
    };
    BARE_NUMBER = /^\d+(?:\.\d+)?$/;
    PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/y;
    MAX_DURATION_MS = 24 * UNIT_MS.h;
    DURATION_FORMS = durationForms("s");
  }
});

// src/config/probe-targets.ts
function failed(result) {
  return "reason" in result;
}
function checkHttpUrl(text) {
  if (/\s/.test(text)) return { reason: "a URL cannot contain spaces" };
  const folded = text.replace(/^(https?)-get:/, "$1:");
  let url;
  try {
    url = new URL(folded);
  } catch {
    return { reason: "not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { reason: "only http:// and https:// URLs can be probed" };
  if (url.hostname === "") return { reason: "the URL has no host" };
  return { url: url.href };
}
function checkTcpTarget(target) {
  const rest = target.trim().replace(/^\/\//, "");
  let host = "localhost";
  let portText = rest;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\]:(.*)$/.exec(rest);
  if (bracketed !== null) {
    host = bracketed[1] ?? "";
    portText = bracketed[2] ?? "";
  } else if (rest.includes(":")) {
    const colon = rest.lastIndexOf(":");
    host = rest.slice(0, colon);
    portText = rest.slice(colon + 1);
    if (host.includes(":")) return { reason: `write an IPv6 address in brackets: [${host}]:${portText}` };
    if (host === "" || /[\s/[\]]/.test(host)) return { reason: `${quote(host)} is not a host name` };
  }
  if (!/^\d{1,5}$/.test(portText)) return { reason: `${quote(portText)} is not a port number (1-65535)` };
  const port = Number(portText);
  if (port < 1 || port > 65535) return { reason: `port ${port} is out of range (1-65535)` };
  return { host, port };
}
function checkRegex(pattern) {
  if (pattern === "") return { reason: "the pattern is empty" };
  try {
    new RegExp(pattern);
  } catch (error2) {
    const detail = error2 instanceof Error ? error2.message.split(": ").pop() : String(error2);
    return { reason: `invalid regular expression ${quote(pattern)}: ${detail}` };
  }
  return { pattern };
}
function checkPath(text, options) {
  if (text.trim() === "") return { reason: "the path is empty" };
  if (!options.fileUrl || !text.startsWith("//")) return { path: text };
  try {
    return { path: (0, import_node_url2.fileURLToPath)(`file:${text}`) };
  } catch {
    return { reason: `${quote(`file:${text}`)} is not a valid file:// URL` };
  }
}
var import_node_url2, PROBE_FORMS;
var init_probe_targets = __esm({
  "src/config/probe-targets.ts"() {
    "use strict";
    import_node_url2 = require("node:url");
    init_describe();
    PROBE_FORMS = "http://…, https://…, tcp:PORT, tcp:HOST:PORT, socket:PATH, file:PATH, log: REGEX, cmd: COMMAND or delay: DURATION";
  }
});

// src/config/suggest.ts
function normalizeKey(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[_\s]+/g, "-").toLowerCase();
}
function editDistance(a, b) {
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(rows, i - 1, j) + 1, (row[j - 1] ?? 0) + 1, cell(rows, i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, cell(rows, i - 2, j - 2) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return cell(rows, a.length, b.length);
}
function cell(rows, i, j) {
  return rows[i]?.[j] ?? 0;
}
function suggest(input, candidates) {
  const wanted = normalizeKey(input);
  if (wanted.length > 64) return void 0;
  const budget = Math.max(1, Math.floor(wanted.length / 3));
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalizeKey(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= budget ? best : void 0;
}
function didYouMean(input, candidates) {
  const match = suggest(input, candidates);
  return match === void 0 ? "" : `; did you mean ${JSON.stringify(match)}?`;
}
var init_suggest = __esm({
  "src/config/suggest.ts"() {
    "use strict";
  }
});

// src/config/probe-object.ts
function readProbeObject(object) {
  const keys = Object.keys(object);
  for (const key of keys) {
    if (!isKindKey(key) && !HTTP_OPTION_KEYS.includes(key)) {
      const hint = didYouMean(key, [...KIND_KEYS, ...HTTP_OPTION_KEYS]) || ` (expected one of ${KIND_KEYS.join(", ")}; http also takes method, status and headers)`;
      return { error: `unknown probe key ${quote(key)}${hint}`, key, atKey: true };
    }
  }
  const kinds = keys.filter(isKindKey);
  const [kind, second] = kinds;
  if (kind === void 0) return { error: `a probe object needs one of ${listOr(KIND_KEYS.map((k) => `"${k}"`))}` };
  if (second !== void 0) {
    return { error: `a probe has both "${kind}" and "${second}"; write one probe per list entry`, key: second, atKey: true };
  }
  if (kind !== "http") {
    const misplaced = keys.find((key) => HTTP_OPTION_KEYS.includes(key));
    if (misplaced !== void 0) return { error: `"${misplaced}" only applies to http probes`, key: misplaced, atKey: true };
  }
  return readKind(kind, object[kind], object);
}
function isKindKey(key) {
  return KIND_KEYS.includes(key);
}
function readKind(kind, value, object) {
  if (kind === "http") return readHttpObject(value, object);
  if (kind === "delay") {
    const ms = checkDuration(value, { allowZero: true });
    const text = typeof value === "number" ? `delay: ${value}s` : `delay: ${String(value)}`;
    return typeof ms === "number" ? { kind, text, ms } : { error: ms.error, key: kind };
  }
  if (kind === "tcp") return readTcpObject(value);
  if (typeof value !== "string" || value.trim() === "") {
    return { error: `expected a non-empty string, got ${describeValue(value)}`, key: kind };
  }
  switch (kind) {
    case "socket":
    case "file": {
      const checked = checkPath(value, { fileUrl: false });
      return failed(checked) ? { error: checked.reason, key: kind } : { kind, text: `${kind}:${value}`, path: checked.path };
    }
    case "log": {
      const checked = checkRegex(value);
      return failed(checked) ? { error: checked.reason, key: kind } : { kind, text: `log: ${value}`, pattern: checked.pattern };
    }
    case "cmd":
      return { kind, text: `cmd: ${value}`, command: value };
  }
}
function readTcpObject(value) {
  if (typeof value !== "number" && typeof value !== "string") {
    return { error: `expected a port or "HOST:PORT", got ${describeValue(value)}`, key: "tcp" };
  }
  const target = String(value);
  if (target.startsWith("tcp:")) return { error: `write the target without "tcp:": ${quote(target.slice(4))}`, key: "tcp" };
  const checked = checkTcpTarget(target);
  if (failed(checked)) return { error: `${checked.reason} (expected PORT, HOST:PORT or [IPv6]:PORT)`, key: "tcp" };
  return { kind: "tcp", text: `tcp:${target}`, ...checked };
}
function readHttpObject(value, object) {
  if (typeof value !== "string") return { error: `expected a URL, got ${describeValue(value)}`, key: "http" };
  const checked = checkHttpUrl(value.trim());
  if (failed(checked)) return { error: `invalid URL ${quote(value)}: ${checked.reason}`, key: "http" };
  const method = readMethod(object.method);
  if (typeof method !== "string") return method;
  const status = readStatus(object.status);
  if (!Array.isArray(status) && status !== void 0) return status;
  const headers = readHeaders(object.headers);
  if ("error" in headers) return headers;
  return { kind: "http", text: value.trim(), url: checked.url, method, status, headers: headers.headers };
}
function readMethod(value) {
  if (value === void 0) return "GET";
  if (typeof value !== "string" || !/^[A-Za-z]+$/.test(value)) {
    return { error: `expected an HTTP method such as "GET" or "HEAD", got ${describeValue(value)}`, key: "method" };
  }
  return value.toUpperCase();
}
function readStatus(value) {
  if (value === void 0) return void 0;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return { error: "expected at least one status code", key: "status" };
  for (const code of list) {
    if (typeof code !== "number" || !Number.isInteger(code) || code < 100 || code > 599) {
      return { error: `expected HTTP status codes from 100 to 599, got ${quote(code)}`, key: "status" };
    }
  }
  return list;
}
function readHeaders(value) {
  if (value === void 0) return { headers: {} };
  if (!isMapping(value)) return { error: `expected a mapping of header names to values, got ${describeValue(value)}`, key: "headers" };
  const entries = [];
  for (const [name, raw] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) return { error: `invalid header name ${quote(name)}`, key: "headers" };
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      return { error: `header ${quote(name)}: expected a string, got ${describeValue(raw)}`, key: "headers" };
    }
    const text = String(raw);
    if (/[\r\n]/.test(text)) return { error: `header ${quote(name)}: a value cannot contain line breaks`, key: "headers" };
    entries.push([name, text]);
  }
  return { headers: Object.fromEntries(entries) };
}
var KIND_KEYS, HTTP_OPTION_KEYS, HEADER_NAME;
var init_probe_object = __esm({
  "src/config/probe-object.ts"() {
    "use strict";
    init_duration();
    init_describe();
    init_probe_targets();
    init_suggest();
    KIND_KEYS = ["http", "tcp", "socket", "file", "log", "cmd", "delay"];
    HTTP_OPTION_KEYS = ["method", "status", "headers"];
    HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
  }
});

// src/config/probe-string.ts
function readProbeString(raw) {
  const text = raw.trim();
  if (text === "") return { error: `empty probe (expected ${PROBE_FORMS})` };
  if (HTTP_PREFIX.test(text)) {
    const checked = checkHttpUrl(text);
    if (failed(checked)) return { error: `invalid http probe ${quote(text)}: ${checked.reason}` };
    return { kind: "http", text, url: checked.url, method: "GET", status: void 0, headers: {} };
  }
  const scheme = SCHEME.exec(text)?.[1];
  const body = scheme === void 0 ? "" : text.slice(scheme.length + 1).trim();
  switch (scheme) {
    case "tcp": {
      const checked = checkTcpTarget(body);
      if (failed(checked)) {
        return { error: `invalid tcp probe ${quote(text)}: ${checked.reason} (expected tcp:PORT, tcp:HOST:PORT or tcp:[IPv6]:PORT)` };
      }
      return { kind: "tcp", text, ...checked };
    }
    case "socket":
    case "file": {
      const checked = checkPath(body, { fileUrl: scheme === "file" });
      if (failed(checked)) return { error: `invalid ${scheme} probe ${quote(text)}: ${checked.reason}` };
      return { kind: scheme, text, path: checked.path };
    }
    case "log": {
      const checked = checkRegex(body);
      if (failed(checked)) return { error: `invalid log probe ${quote(text)}: ${checked.reason}` };
      return { kind: "log", text, pattern: checked.pattern };
    }
    case "cmd":
      if (body === "") return { error: `invalid cmd probe ${quote(text)}: the command is empty` };
      return { kind: "cmd", text, command: body };
    case "delay": {
      const ms = checkDuration(body, { allowZero: true });
      if (typeof ms !== "number") return { error: `invalid delay probe ${quote(text)}: ${ms.error}` };
      return { kind: "delay", text, ms };
    }
    default:
      return { error: unknownProbeMessage(text) };
  }
}
function unknownProbeMessage(text) {
  const hint = guessIntendedProbe(text);
  const tail = hint === void 0 ? "" : `; did you mean ${JSON.stringify(hint)}?`;
  return `unknown probe ${quote(text)} (expected ${PROBE_FORMS})${tail}`;
}
function guessIntendedProbe(text) {
  if (/^\d{1,5}$/.test(text)) return `tcp:${text}`;
  if (/^[\w.-]+:\d{1,5}$/.test(text)) return `tcp:${text}`;
  if (/^(?:\/|\.{1,2}\/|~)/.test(text)) return `file:${text}`;
  const scheme = SCHEME.exec(text)?.[1];
  if (scheme === void 0) return void 0;
  const lower = scheme.toLowerCase();
  const intended = (Object.hasOwn(SCHEME_SYNONYMS, lower) ? SCHEME_SYNONYMS[lower] : void 0) ?? suggest(lower, KNOWN_SCHEMES);
  if (intended === void 0) return void 0;
  const rest = text.slice(scheme.length + 1);
  if (intended.startsWith("http")) return `${intended}://${rest.replace(/^\/*/, "")}`;
  if (intended === "log" || intended === "cmd" || intended === "delay") return `${intended}: ${rest.trim()}`;
  return `${intended}:${rest}`;
}
var HTTP_PREFIX, SCHEME, KNOWN_SCHEMES, SCHEME_SYNONYMS;
var init_probe_string = __esm({
  "src/config/probe-string.ts"() {
    "use strict";
    init_duration();
    init_describe();
    init_probe_targets();
    init_suggest();
    HTTP_PREFIX = /^(?:https?|https?-get):\/\//;
    SCHEME = /^([A-Za-z][A-Za-z0-9+._-]*):/;
    KNOWN_SCHEMES = ["http", "https", "http-get", "https-get", "tcp", "socket", "file", "log", "cmd", "delay"];
    SCHEME_SYNONYMS = { unix: "socket", sleep: "delay", wait: "delay", command: "cmd", port: "tcp", regex: "log" };
  }
});

// src/config/probe.ts
function readProbe(value) {
  if (typeof value === "string") return readProbeString(value);
  if (isMapping(value)) return readProbeObject(value);
  if (typeof value === "number") return { error: unknownProbeMessage(String(value)) };
  if (value === null || value === void 0) return { error: `empty probe (expected ${PROBE_FORMS})` };
  if (Array.isArray(value)) return { error: `expected one probe, got a nested list (expected ${PROBE_FORMS})` };
  return { error: `expected a probe (${PROBE_FORMS}), got ${String(value)}` };
}
function parseProbe(value) {
  const result = readProbe(value);
  if (!("error" in result)) return result;
  return { error: result.key !== void 0 && result.atKey !== true ? `${result.key}: ${result.error}` : result.error };
}
var init_probe = __esm({
  "src/config/probe.ts"() {
    "use strict";
    init_describe();
    init_probe_targets();
    init_probe_object();
    init_probe_string();
    init_probe_targets();
  }
});

// src/config/variables.ts
function splitVariables(value) {
  const pieces = [];
  let literal = "";
  let at = 0;
  while (at < value.length) {
    const dollar = value.indexOf("$", at);
    if (dollar < 0) {
      literal += value.slice(at);
      break;
    }
    literal += value.slice(at, dollar);
    const next = value[dollar + 1];
    if (next === "$") {
      literal += "$";
      at = dollar + 2;
      continue;
    }
    if (next === "{") {
      const close2 = value.indexOf("}", dollar + 2);
      const name = close2 < 0 ? void 0 : value.slice(dollar + 2, close2);
      if (name === void 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        const written = close2 < 0 ? value.slice(dollar) : value.slice(dollar, close2 + 1);
        return { error: `${JSON.stringify(written)} is not a variable: write \${NAME} with NAME of letters, digits and _ (or $$ for a literal $)` };
      }
      if (literal) pieces.push({ text: literal });
      literal = "";
      pieces.push({ variable: name });
      at = close2 + 1;
      continue;
    }
    NAME.lastIndex = dollar + 1;
    const match = NAME.exec(value);
    if (match === null) {
      literal += "$";
      at = dollar + 1;
      continue;
    }
    if (literal) pieces.push({ text: literal });
    literal = "";
    pieces.push({ variable: match[0] });
    at = dollar + 1 + match[0].length;
  }
  if (literal) pieces.push({ text: literal });
  return pieces;
}
function variablesIn(value) {
  const pieces = splitVariables(value);
  if ("error" in pieces) return [];
  return [...new Set(pieces.flatMap((piece) => "variable" in piece ? [piece.variable] : []))];
}
function lookupIn(values) {
  return (name) => Object.hasOwn(values, name) ? values[name] : void 0;
}
function expandVariables(value, lookup) {
  const pieces = splitVariables(value);
  if ("error" in pieces) return pieces;
  let out = "";
  for (const piece of pieces) {
    if ("text" in piece) {
      out += piece.text;
      continue;
    }
    const found = lookup(piece.variable);
    if (found === void 0) return { error: `unknown variable $${piece.variable}`, unknown: piece.variable };
    out += found;
  }
  return { value: out };
}
function mayHaveVariables(value) {
  return value.includes("$");
}
var NAME;
var init_variables = __esm({
  "src/config/variables.ts"() {
    "use strict";
    NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
  }
});

// src/config/service-variables.ts
function serviceScope(options) {
  const { environment, env, name, port } = options;
  const late = /* @__PURE__ */ new Map([
    ["BGSVC_ID", LATE_STAND_INS.BGSVC_ID],
    ["BGSVC_LOG_DIR", LATE_STAND_INS.BGSVC_LOG_DIR]
  ]);
  if (port === "auto") late.set("PORT", LATE_STAND_INS.PORT);
  const lookup = (variable) => {
    const standIn = late.get(variable);
    if (standIn !== void 0) return standIn;
    if (variable === "PORT" && typeof port === "number") return String(port);
    if (variable === "BGSVC_SERVICE") return name;
    if (Object.hasOwn(env, variable)) return env[variable];
    return Object.hasOwn(environment, variable) ? environment[variable] : void 0;
  };
  const own = [...Object.keys(env), ...late.keys(), "BGSVC_SERVICE", ...port === void 0 ? [] : ["PORT"]];
  return { lookup, late: new Set(late.keys()), own };
}
function readProbeInScope(entry, scope) {
  const expanded = expandProbeEntry(entry, scope.lookup);
  if ("error" in expanded) return { ...expanded, error: unknownVariableMessage(expanded.error, expanded.unknown, scope) };
  const probe = readProbe(expanded.entry);
  if ("error" in probe) return probe;
  return { probe, late: expanded.names.some((name) => scope.late.has(name)) };
}
function readProbeAtLaunch(entry, values) {
  const expanded = expandProbeEntry(entry, lookupIn(values));
  if ("error" in expanded) throw new Error(`wait-on: ${expanded.error}`);
  const probe = readProbe(expanded.entry);
  if ("error" in probe) throw new Error(`wait-on: ${probe.key === void 0 ? "" : `${probe.key}: `}${probe.error}`);
  return probe;
}
function checkExportValue(value, scope) {
  const expanded = expandVariables(value, scope.lookup);
  return "error" in expanded ? unknownVariableMessage(expanded.error, expanded.unknown, scope) : void 0;
}
function expandExports(exports2, values) {
  const out = {};
  for (const [name, template] of Object.entries(exports2)) {
    const expanded = expandVariables(template, lookupIn(values));
    if ("error" in expanded) throw new Error(`export ${name}: ${expanded.error}`);
    out[name] = expanded.value;
  }
  return out;
}
function expandProbeEntry(entry, lookup) {
  if (typeof entry === "string") {
    if (!mayHaveVariables(entry) || !EXPANDED_STRING.test(entry)) return { entry, names: [] };
    const expanded = expandVariables(entry, lookup);
    return "error" in expanded ? expanded : { entry: expanded.value, names: variablesIn(entry) };
  }
  if (!isMapping(entry)) return { entry, names: [] };
  const copy = { ...entry };
  const names = [];
  for (const key of EXPANDED_KEYS) {
    const value = copy[key];
    if (typeof value !== "string" || !mayHaveVariables(value)) continue;
    const expanded = expandVariables(value, lookup);
    if ("error" in expanded) return { ...expanded, key };
    copy[key] = expanded.value;
    names.push(...variablesIn(value));
  }
  return { entry: copy, names };
}
function unknownVariableMessage(error2, unknown, scope) {
  if (unknown === void 0) return error2;
  const close2 = suggest(unknown, scope.own);
  if (close2 !== void 0) return `${error2}: did you mean $${close2}?`;
  if (unknown === "PORT") return `${error2}: add "port: auto" (bgsvc chooses a free port and sets $PORT) or "port: NUMBER"`;
  return `${error2}: the service's environment has no ${unknown}; set it in its "env:" or in the job's environment (bgsvc adds BGSVC_ID, BGSVC_SERVICE, BGSVC_LOG_DIR, and PORT with "port:")`;
}
var LATE_STAND_INS, EXPANDED_STRING, EXPANDED_KEYS;
var init_service_variables = __esm({
  "src/config/service-variables.ts"() {
    "use strict";
    init_describe();
    init_probe();
    init_suggest();
    init_variables();
    LATE_STAND_INS = {
      PORT: "65535",
      BGSVC_ID: "0".repeat(24),
      BGSVC_LOG_DIR: "/bgsvc/logs"
    };
    EXPANDED_STRING = /^\s*(?:https?(?:-get)?:\/\/|tcp:|socket:|file:)/i;
    EXPANDED_KEYS = ["http", "tcp", "socket", "file"];
  }
});

// src/config/errors.ts
function formatIssue(issue2) {
  let where = issue2.source;
  if (issue2.line !== void 0) {
    where += `:${issue2.line}`;
    if (issue2.column !== void 0) where += `:${issue2.column}`;
  }
  const path = issue2.path === "" ? "" : `${issue2.path}: `;
  return `${where}: ${path}${issue2.message}`;
}
function formatIssues(issues, omitted) {
  const lines = issues.map(formatIssue);
  if (omitted > 0) lines.push(`… and ${omitted} more ${omitted === 1 ? "issue" : "issues"}`);
  return lines.join("\n");
}
function configErrorAt(source, message, cause) {
  return new ConfigError([{ source, path: "", message }], { cause });
}
var MAX_REPORTED_ISSUES, ConfigError;
var init_errors = __esm({
  "src/config/errors.ts"() {
    "use strict";
    MAX_REPORTED_ISSUES = 20;
    ConfigError = class extends Error {
      name = "ConfigError";
      issues;
      constructor(issues, options) {
        super(formatIssues(issues, options?.omitted ?? 0), options?.cause === void 0 ? void 0 : { cause: options.cause });
        this.issues = issues;
      }
    };
  }
});

// src/config/types.ts
var DEFAULT_TIMEOUT_MS2, DEFAULT_SETTLE_MS, DEFAULT_STOP_TIMEOUT_MS, DEFAULT_STOP_SIGNAL, CONFIG_FILE_NAMES;
var init_types = __esm({
  "src/config/types.ts"() {
    "use strict";
    DEFAULT_TIMEOUT_MS2 = 6e4;
    DEFAULT_SETTLE_MS = 1e3;
    DEFAULT_STOP_TIMEOUT_MS = 1e4;
    DEFAULT_STOP_SIGNAL = "SIGTERM";
    CONFIG_FILE_NAMES = ["bgsvc.yml", "bgsvc.yaml", ".bgsvc.yml"];
  }
});

// src/config/field-path.ts
function formatPath(path) {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
var init_field_path = __esm({
  "src/config/field-path.ts"() {
    "use strict";
  }
});

// src/config/issues.ts
function rebase(path, route) {
  const under = route.from.every((segment, index) => path[index] === segment) && path.length >= route.from.length;
  return under ? [...route.as, ...path.slice(route.from.length)] : route.as;
}
function toLineColumn(position) {
  return position === void 0 ? {} : { line: position.line, column: position.column };
}
var MAX_COLLECTED_ISSUES, IssueCollector;
var init_issues = __esm({
  "src/config/issues.ts"() {
    "use strict";
    init_errors();
    init_field_path();
    MAX_COLLECTED_ISSUES = 1e3;
    IssueCollector = class {
      constructor(source, locator) {
        this.source = source;
        this.locator = locator;
      }
      source;
      locator;
      issues = [];
      seen = /* @__PURE__ */ new Set();
      overflow = 0;
      /** Keyed by the `from` path as JSON: a lookup tries each prefix of a path, not each route. */
      routes = /* @__PURE__ */ new Map();
      others = [];
      get isEmpty() {
        return this.issues.length === 0 && this.others.every((other) => other.isEmpty);
      }
      /**
       * Another document's issues (an included file's) are reported with this
       * one's, after them.
       */
      adopt(other) {
        this.others.push(other);
      }
      /**
       * Paths at or under `from` name text written in another place: a service's
       * key that came from its template is wrong where the template wrote it.
       */
      routeTo(from, to, as) {
        this.routes.set(JSON.stringify(from), { from, to, as });
      }
      add(path, message, options = {}) {
        const route = this.routeFor(options.at ?? path);
        if (route !== void 0) {
          const at = options.at === void 0 ? void 0 : rebase(options.at, route);
          route.to.add(rebase(path, route), message, { ...options, at });
          return;
        }
        if (this.issues.length >= MAX_COLLECTED_ISSUES) {
          this.overflow++;
          return;
        }
        const position = this.locate(options.at ?? path, options.target);
        const issue2 = { source: this.source, ...toLineColumn(position), path: formatPath(path), message };
        const key = JSON.stringify(issue2);
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.issues.push(issue2);
      }
      /** Issues that already carry a position (YAML syntax errors). */
      addLocated(issue2) {
        if (this.issues.length >= MAX_COLLECTED_ISSUES) this.overflow++;
        else this.issues.push({ source: this.source, ...issue2 });
      }
      locate(path, target) {
        const route = this.routeFor(path);
        if (route !== void 0) return route.to.locate(rebase(path, route), target);
        return this.locator?.locate(path, target);
      }
      /** `ci/services.yml:4:5`, for a message that points at a second place. */
      where(path, target) {
        const route = this.routeFor(path);
        if (route !== void 0) return route.to.where(rebase(path, route), target);
        const position = this.locate(path, target);
        return position === void 0 ? this.source : `${this.source}:${position.line}:${position.column}`;
      }
      /** The first issues in file order (this document's, then adopted ones'), with the rest counted in the message. */
      toError() {
        const { issues, overflow } = this.collect();
        const shown = issues.slice(0, MAX_REPORTED_ISSUES);
        return new ConfigError(shown, { omitted: issues.length - shown.length + overflow });
      }
      collect() {
        const issues = [...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
        let overflow = this.overflow;
        for (const other of this.others) {
          const collected = other.collect();
          issues.push(...collected.issues);
          overflow += collected.overflow;
        }
        return { issues, overflow };
      }
      routeFor(path) {
        if (this.routes.size === 0) return void 0;
        for (let length = path.length; length > 0; length--) {
          const route = this.routes.get(JSON.stringify(path.slice(0, length)));
          if (route !== void 0) return route;
        }
        return void 0;
      }
    };
  }
});

// src/config/apply-template.ts
function applyTemplate(value, path, templates, issues) {
  if (!isMapping(value)) return { value, paramEnv: {} };
  if (value.template === void 0) {
    if (value.params !== void 0) {
      issues.add([...path, "params"], `"params" fill in a template's params; add "template: <name>", or remove them`, { target: "key" });
    }
    return { value, paramEnv: {} };
  }
  const template = findTemplate(value.template, [...path, "template"], templates, issues);
  if (template === void 0) {
    return { value: { command: "true", ...value }, paramEnv: {} };
  }
  const paramEnv = readParams(value.params, path, template, issues);
  const merged = { ...template.value };
  for (const [key, item] of Object.entries(value)) {
    const inherited = merged[key];
    merged[key] = key === "env" && isMapping(item) && isMapping(inherited) ? { ...inherited, ...item } : item;
  }
  routeInherited(value, path, template, issues);
  checkParamsNotInEnv(merged.env, path, paramEnv, issues);
  return { value: merged, paramEnv };
}
function findTemplate(name, path, templates, issues) {
  if (typeof name !== "string") {
    issues.add(path, `expected a template name, got ${describeValue(name)}`);
    return void 0;
  }
  const template = templates.get(name);
  if (template !== void 0) return template;
  const names = [...templates.keys()];
  if (names.length === 0) {
    issues.add(path, `no template ${quote(name)}: define it under "templates:", here or in a file listed in "include:"`);
  } else {
    const match = suggest(name, names);
    const hint = match === void 0 ? "" : `; did you mean ${JSON.stringify(match)}?`;
    issues.add(path, `no template ${quote(name)}${hint} (defined: ${names.join(", ")})`);
  }
  return void 0;
}
function readParams(given, path, template, issues) {
  const declared = template.params;
  const listed = template.issues.where(declared.length > 0 ? [...template.path, "params"] : template.path, "key");
  const about = `(template ${quote(template.name)} at ${listed} takes ${declared.length === 0 ? "no params" : declared.join(", ")})`;
  if (given !== void 0 && !isMapping(given)) {
    issues.add([...path, "params"], `expected a mapping of param names to values (params: {${declared[0] ?? "name"}: …}), got ${describeValue(given)} ${about}`);
    return {};
  }
  const env = {};
  const guessed = /* @__PURE__ */ new Set();
  for (const [name, raw] of Object.entries(given ?? {})) {
    const at = [...path, "params", name];
    if (!declared.includes(name)) {
      const match = suggest(name, declared);
      if (match !== void 0) guessed.add(match);
      const hint = match === void 0 ? "" : `; did you mean ${JSON.stringify(match)}?`;
      issues.add(at, `unknown param ${quote(name)}${hint} ${about}`, { target: "key" });
    } else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") {
      env[`param_${name}`] = String(raw);
    } else {
      const hint = raw === null ? '; write "" for an empty value' : "";
      issues.add(at, `expected a string, number or boolean, got ${describeValue(raw)}${hint}`);
    }
  }
  const missing = declared.filter((name) => !(given !== void 0 && name in given) && !guessed.has(name));
  if (missing.length > 0) {
    const names = missing.map((name) => quote(name)).join(", ");
    const at = given === void 0 ? [...path, "template"] : [...path, "params"];
    issues.add(at, `missing ${missing.length === 1 ? "param" : "params"} ${names} ${about}`, { target: given === void 0 ? "value" : "key" });
  }
  return env;
}
function routeInherited(value, path, template, issues) {
  for (const [key, item] of Object.entries(template.value)) {
    const own = value[key];
    if (own === void 0) {
      issues.routeTo([...path, key], template.issues, [...template.path, key]);
    } else if (key === "env" && isMapping(own) && isMapping(item)) {
      for (const name of Object.keys(item)) {
        if (!(name in own)) issues.routeTo([...path, "env", name], template.issues, [...template.path, "env", name]);
      }
    }
  }
}
function checkParamsNotInEnv(env, path, paramEnv, issues) {
  if (!isMapping(env)) return;
  for (const name of Object.keys(env)) {
    if (name in paramEnv) {
      issues.add([...path, "env", name], `${quote(name)} is set by params (${name.slice("param_".length)}); leave it out of env`, { target: "key" });
    }
  }
}
var init_apply_template = __esm({
  "src/config/apply-template.ts"() {
    "use strict";
    init_describe();
    init_suggest();
  }
});

// src/config/needs.ts
function checkUniqueNames(drafts, issues) {
  const first = /* @__PURE__ */ new Map();
  for (const draft of drafts) {
    if (!draft.hasValidName) continue;
    const earlier = first.get(draft.plan.name);
    if (earlier === void 0) {
      first.set(draft.plan.name, draft);
      continue;
    }
    const where = issues.locate([...earlier.path, "name"]);
    const at = where === void 0 ? formatPath(earlier.path) : `line ${where.line}`;
    issues.add([...draft.path, "name"], `duplicate name ${quote(draft.plan.name)}: already used at ${at}; names must be unique`);
  }
}
function checkNeeds(drafts, issues) {
  const byName = /* @__PURE__ */ new Map();
  for (const draft of drafts) {
    if (draft.hasValidName && !byName.has(draft.plan.name)) byName.set(draft.plan.name, draft);
  }
  const invalidNames = new Set(drafts.filter((draft) => !draft.hasValidName).map((draft) => draft.writtenName));
  for (const draft of drafts) {
    for (const need of draft.needs) {
      if (draft.hasValidName && need.name === draft.plan.name) {
        issues.add(need.path, `a service cannot need itself (${quote(need.name)})`);
      } else if (!byName.has(need.name) && !invalidNames.has(need.name)) {
        issues.add(need.path, unknownServiceMessage(need.name, [...byName.keys()]));
      }
    }
  }
  for (const cycle of findCycles(drafts, byName)) {
    const [from, to] = cycle;
    const entry = from?.needs.find((need) => need.name === to?.plan.name);
    if (from === void 0 || entry === void 0) continue;
    issues.add(entry.path, `needs cycle: ${formatCycle(cycle.map((draft) => draft.plan.name))}; no start order exists`);
  }
}
function formatCycle(names) {
  if (names.length <= 10) return names.join(" → ");
  return `${[...names.slice(0, 5), "…", ...names.slice(-3)].join(" → ")} (${names.length - 1} services)`;
}
function unknownServiceMessage(name, known) {
  const match = suggest(name, known);
  if (match !== void 0) return `unknown service ${quote(name)}; did you mean ${JSON.stringify(match)}?`;
  const listed = known.length > 10 ? `${known.slice(0, 10).join(", ")}, …` : known.join(", ");
  return `unknown service ${quote(name)} (services: ${listed})`;
}
function findCycles(drafts, byName) {
  const order = new Map(drafts.map((draft, index) => [draft, index]));
  const state = /* @__PURE__ */ new Map();
  const cycles = [];
  const seen = /* @__PURE__ */ new Set();
  const dependencies = (draft) => draft.plan.needs.flatMap((name) => {
    const target = byName.get(name);
    return target === void 0 || target === draft ? [] : [target];
  });
  for (const root of byName.values()) {
    if (state.has(root)) continue;
    const stack = [{ draft: root, next: dependencies(root) }];
    state.set(root, "active");
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === void 0) break;
      const child = top.next.shift();
      if (child === void 0) {
        state.set(top.draft, "done");
        stack.pop();
      } else if (state.get(child) === "active") {
        const loop = stack.slice(stack.findIndex((frame) => frame.draft === child)).map((frame) => frame.draft);
        const cycle = rotateToFirst(loop, order);
        const key = cycle.map((draft) => draft.plan.name).join("\0");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, cycle[0]]);
        }
      } else if (!state.has(child)) {
        state.set(child, "active");
        stack.push({ draft: child, next: dependencies(child) });
      }
    }
  }
  return cycles;
}
function rotateToFirst(loop, order) {
  let start = 0;
  loop.forEach((draft, index) => {
    if ((order.get(draft) ?? 0) < (order.get(loop[start]) ?? 0)) start = index;
  });
  return [...loop.slice(start), ...loop.slice(0, start)];
}
var init_needs = __esm({
  "src/config/needs.ts"() {
    "use strict";
    init_describe();
    init_field_path();
    init_suggest();
  }
});

// src/config/signals.ts
function normalizeSignal(value) {
  if (typeof value !== "string") return { error: `expected a signal name such as "SIGINT", got ${describeValue(value)}` };
  const upper = value.trim().toUpperCase();
  const name = upper.startsWith("SIG") ? upper : `SIG${upper}`;
  const known = Object.keys(import_node_os5.constants.signals);
  if (!known.includes(name)) {
    const hint = suggest(name.slice(3), known.map((signal) => signal.slice(3)));
    const tail = hint === void 0 ? " (e.g. SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGKILL)" : `; did you mean "SIG${hint}"?`;
    return { error: `unknown signal ${quote(value)}${tail}` };
  }
  if (SUSPENDING.has(name)) return { error: `${quote(value)} suspends the service instead of stopping it; use SIGTERM, SIGINT or SIGQUIT` };
  return name;
}
var import_node_os5, SUSPENDING;
var init_signals = __esm({
  "src/config/signals.ts"() {
    "use strict";
    import_node_os5 = require("node:os");
    init_describe();
    init_suggest();
    SUSPENDING = /* @__PURE__ */ new Set(["SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU"]);
  }
});

// src/config/service-fields.ts
function readName(value, path, issues) {
  if (value === void 0) {
    issues.add(path, 'missing "name" (a unique name such as "api"; it also names the log file)');
    return void 0;
  }
  if (typeof value !== "string") {
    issues.add([...path, "name"], `expected a string, got ${describeValue(value)}`);
    return void 0;
  }
  const problem = checkServiceName(value);
  if (problem !== void 0) issues.add([...path, "name"], problem);
  return problem === void 0 ? value : void 0;
}
function readText(service, key, path, issues, options = {}) {
  const value = service[key];
  if (value === void 0) {
    if (options.required !== void 0) issues.add(path, `missing "${key}" (${options.required})`);
    return void 0;
  }
  if (typeof value !== "string" || value.trim() === "") {
    const got = typeof value === "string" ? "an empty string" : describeValue(value);
    issues.add([...path, key], `expected a non-empty string, got ${got}`);
    return void 0;
  }
  return value;
}
function readDuration(value, path, issues, options) {
  if (value === void 0) return void 0;
  const ms = checkDuration(value, options);
  if (typeof ms === "number") return ms;
  issues.add(path, ms.error);
  return void 0;
}
function readSignal(value, path, issues) {
  if (value === void 0) return void 0;
  const signal = normalizeSignal(value);
  if (typeof signal === "string") return signal;
  issues.add(path, signal.error);
  return void 0;
}
function readEnv(value, path, issues) {
  if (value === void 0) return {};
  if (!isMapping(value)) {
    issues.add(path, `expected a mapping of variable names to values, got ${describeValue(value)}`);
    return {};
  }
  const entries = [];
  for (const [name, raw] of Object.entries(value)) {
    if (!ENV_NAME.test(name)) {
      issues.add(path, `invalid variable name ${quote(name)} (letters, digits and "_", not starting with a digit)`, {
        at: [...path, name],
        target: "key"
      });
    } else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") {
      entries.push([name, String(raw)]);
    } else {
      const hint = raw === null ? '; write "" for an empty value' : "";
      issues.add([...path, name], `expected a string, number or boolean, got ${describeValue(raw)}${hint}`);
    }
  }
  return Object.fromEntries(entries);
}
function readNeeds(value, path, issues) {
  if (value === void 0) return [];
  if (typeof value === "string") return [{ name: value, path }];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a service name or a list of names, got ${describeValue(value)}`);
    return [];
  }
  const needs = [];
  value.forEach((item, index) => {
    if (typeof item === "string") needs.push({ name: item, path: [...path, index] });
    else issues.add([...path, index], `expected a service name, got ${describeValue(item)}`);
  });
  return needs;
}
function readProbes(value, path, issues, scope) {
  if (value === void 0) return { probes: [] };
  const entries = Array.isArray(value) ? value.map((item, index) => [item, [...path, index]]) : [[value, path]];
  const probes = [];
  let late = false;
  for (const [entry, entryPath] of entries) {
    const read = scope === void 0 ? readProbe(entry) : readProbeInScope(entry, scope);
    if (!("error" in read)) {
      probes.push("probe" in read ? read.probe : read);
      late ||= "late" in read && read.late;
    } else if (read.key === void 0) {
      issues.add(entryPath, read.error);
    } else if (read.atKey === true) {
      issues.add(entryPath, read.error, { at: [...entryPath, read.key], target: "key" });
    } else {
      issues.add([...entryPath, read.key], read.error);
    }
  }
  return late ? { probes, atLaunch: entries.map(([entry]) => entry) } : { probes };
}
function readPort(value, path, issues) {
  if (value === void 0 || value === "auto") return value;
  const number = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number === "number" && Number.isInteger(number) && number >= 1 && number <= 65535) return number;
  issues.add(path, `expected "auto" (bgsvc chooses a free port on 127.0.0.1 and ::1 and sets $PORT) or a port number 1-65535, got ${describeValue(value)}`);
  return void 0;
}
function readExports(value, path, issues, scope) {
  const exports2 = {};
  for (const [name, text] of Object.entries(readEnv(value, path, issues))) {
    if (name.startsWith("BGSVC_")) {
      issues.add(path, `${quote(name)}: names starting with BGSVC_ are bgsvc's own (BGSVC_PORT_<NAME> hands on each service's port); choose another`, { at: [...path, name], target: "key" });
      continue;
    }
    const problem = checkExportValue(text, scope);
    if (problem !== void 0) issues.add([...path, name], problem);
    else exports2[name] = text;
  }
  return exports2;
}
var ENV_NAME;
var init_service_fields = __esm({
  "src/config/service-fields.ts"() {
    "use strict";
    init_describe();
    init_duration();
    init_names();
    init_probe();
    init_service_variables();
    init_signals();
    ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
  }
});

// src/config/service.ts
function readService(value, path, context) {
  const { issues } = context;
  if (!isMapping(value)) {
    const hint = typeof value === "string" ? '; for plain command strings use "background:" instead' : "";
    issues.add(path, `expected a service mapping (name, command, …), got ${describeValue(value)}${hint}`);
    return void 0;
  }
  for (const key of Object.keys(value)) {
    if (!SERVICE_KEYS.includes(key)) {
      const hint = didYouMean(key, SERVICE_KEYS) || ` (allowed: ${SERVICE_KEYS.join(", ")})`;
      issues.add(path, `unknown key ${quote(key)}${hint}`, { at: [...path, key], target: "key" });
    }
  }
  const field = (key) => [...path, key];
  const name = readName(value.name, path, issues);
  const command = readText(value, "command", path, issues, { required: "the shell command that starts the service" });
  const cwd = readText(value, "cwd", path, issues);
  const timeoutMs = readDuration(value.timeout, field("timeout"), issues, { allowZero: false });
  const stopTimeoutMs = readDuration(value["stop-timeout"], field("stop-timeout"), issues, { allowZero: true });
  const stopSignal = readSignal(value["stop-signal"], field("stop-signal"), issues);
  const settleMs = readDuration(value.settle, field("settle"), issues, { allowZero: true });
  const shell = readText(value, "shell", path, issues);
  const needs = readNeeds(value.needs, field("needs"), issues);
  const task = readReady(value, path, issues);
  const env = { ...readEnv(value.env, field("env"), issues), ...context.paramEnv };
  const port = readPort(value.port, field("port"), issues);
  if (port !== void 0 && env.PORT !== void 0) {
    issues.add(field("env"), '"PORT" is set by "port:" (bgsvc gives the service its port as $PORT); remove one of them', { at: [...field("env"), "PORT"], target: "key" });
  }
  const scope = serviceScope({ environment: context.environment, env, name: name ?? "", port: value.port !== void 0 && port === void 0 ? "auto" : port });
  const waitOn = readProbes(value["wait-on"], field("wait-on"), issues, scope);
  const exports2 = readExports(value.export, field("export"), issues, scope);
  const plan = {
    name: name ?? "",
    command: command ?? "",
    shell: shell ?? context.defaults.shell,
    cwd: (0, import_node_path17.resolve)(context.cwd, cwd ?? "."),
    env,
    needs: [...new Set(needs.map((need) => need.name))],
    probes: waitOn.probes,
    ...waitOn.atLaunch ? { probesAtLaunch: waitOn.atLaunch } : {},
    ...port !== void 0 ? { port } : {},
    ...Object.keys(exports2).length > 0 ? { exports: exports2 } : {},
    timeoutMs: timeoutMs ?? context.defaults.timeoutMs,
    settleMs: settleMs ?? context.defaults.settleMs,
    stop: readText(value, "stop", path, issues),
    stopSignal: stopSignal ?? DEFAULT_STOP_SIGNAL,
    stopTimeoutMs: stopTimeoutMs ?? context.defaults.stopTimeoutMs,
    ...task ? { task: true } : {}
  };
  const writtenName = typeof value.name === "string" ? value.name : void 0;
  const shellPath = shell !== void 0 ? field("shell") : context.defaults.shellPath;
  return { path, plan, hasValidName: name !== void 0, writtenName, needs, shellPath };
}
function readReady(value, path, issues) {
  if (value.ready === void 0) return false;
  if (value.ready !== "exit") {
    issues.add([...path, "ready"], `expected "exit" (a one-shot task: ready when its command exits 0), got ${describeValue(value.ready)}; leave it out for a service that keeps running`);
    return false;
  }
  for (const key of NOT_FOR_TASKS) {
    if (value[key] !== void 0) {
      issues.add([...path, key], `${quote(key)} does not apply to a task (ready: exit): it is ready when its command exits 0, and then nothing of it is left to stop`, {
        target: "key"
      });
    }
  }
  return true;
}
var import_node_path17, SERVICE_KEYS, NOT_FOR_TASKS;
var init_service = __esm({
  "src/config/service.ts"() {
    "use strict";
    import_node_path17 = require("node:path");
    init_describe();
    init_service_fields();
    init_service_variables();
    init_suggest();
    init_types();
    SERVICE_KEYS = [
      "name",
      "command",
      "cwd",
      "env",
      "needs",
      "wait-on",
      "timeout",
      "stop",
      "stop-signal",
      "stop-timeout",
      "shell",
      "settle",
      "ready",
      "port",
      "export",
      // Read by apply-template.ts before the service is: the template it fills in, and with what.
      "template",
      "params"
    ];
    NOT_FOR_TASKS = ["wait-on", "settle", "stop", "stop-signal", "stop-timeout"];
  }
});

// src/config/templates.ts
function readTemplates(root, issues, known) {
  if (!isMapping(root) || root.templates === void 0) return;
  const templates = root.templates;
  if (!isMapping(templates)) {
    issues.add(["templates"], `expected a mapping of template names to services without a name (templates: {postgres: {command: …}}), got ${describeValue(templates)}`);
    return;
  }
  for (const [name, value] of Object.entries(templates)) {
    const path = ["templates", name];
    if (!TEMPLATE_NAME.test(name)) {
      issues.add(path, `invalid template name ${quote(name)}: use 1-64 of A-Z a-z 0-9 . _ -`, { target: "key" });
      continue;
    }
    const earlier = known.get(name);
    if (earlier !== void 0) {
      const where = earlier.issues.where(earlier.path, "key");
      issues.add(path, `template ${quote(name)} is already defined at ${where}; template names must be unique across the config and the files it includes`, { target: "key" });
      continue;
    }
    if (!isMapping(value)) {
      issues.add(path, `expected a service without a name (command, wait-on, params, …), got ${describeValue(value)}`);
      continue;
    }
    known.set(name, { name, value: knownKeys(value, path, issues), params: readParamNames(value.params, [...path, "params"], issues), path, issues });
  }
}
function checkTemplate(template, context) {
  const value = { ...template.value, name: "template", command: template.value.command ?? "true" };
  const paramEnv = Object.fromEntries(template.params.map((param) => [`param_${param}`, "65535"]));
  readService(value, template.path, { issues: template.issues, cwd: context.cwd, defaults: context.defaults, environment: context.environment, paramEnv });
}
function knownKeys(value, path, issues) {
  const kept = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "params") continue;
    if (TEMPLATE_KEYS.includes(key)) {
      kept[key] = item;
      continue;
    }
    let message;
    if (key === "name") message = '"name" does not belong in a template: each service that uses it gives its own';
    else if (key === "template") message = "a template cannot use another template; copy the keys it needs";
    else message = `unknown key ${quote(key)}${didYouMean(key, TEMPLATE_KEYS) || ` (allowed: ${TEMPLATE_KEYS.join(", ")})`}`;
    issues.add(path, message, { at: [...path, key], target: "key" });
  }
  return kept;
}
function readParamNames(value, path, issues) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list of param names (params: [version, port]), got ${describeValue(value)}`);
    return [];
  }
  const names = [];
  value.forEach((item, index) => {
    if (typeof item !== "string" || !PARAM_NAME.test(item)) {
      const got = typeof item === "string" ? quote(item) : describeValue(item);
      issues.add([...path, index], `invalid param name ${got}: letters, digits and "_", not starting with a digit (it becomes $param_<name>)`);
    } else if (names.includes(item)) {
      issues.add([...path, index], `param ${quote(item)} is listed twice`);
    } else {
      names.push(item);
    }
  });
  return names;
}
var NOT_IN_TEMPLATES, TEMPLATE_KEYS, PARAM_NAME, TEMPLATE_NAME;
var init_templates = __esm({
  "src/config/templates.ts"() {
    "use strict";
    init_describe();
    init_service();
    init_suggest();
    NOT_IN_TEMPLATES = ["name", "template", "params"];
    TEMPLATE_KEYS = [...SERVICE_KEYS.filter((key) => !NOT_IN_TEMPLATES.includes(key)), "params"];
    PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
    TEMPLATE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;
  }
});

// src/config/top-level.ts
function readTopLevel(root, issues) {
  if (!isMapping(root)) {
    const hint = Array.isArray(root) ? '; put service entries under "commands:" (or command strings under "background:")' : "";
    issues.add([], `expected a mapping with a "commands:" list at the top, got ${describeValue(root)}${hint}`);
    return void 0;
  }
  const suggested = reportUnknownKeys(root, [], TOP_LEVEL_KEYS, issues);
  if (root.$schema !== void 0 && typeof root.$schema !== "string") {
    issues.add(["$schema"], `expected a string (the schema URL or path), got ${describeValue(root.$schema)}`);
  }
  const forms = FORM_KEYS.filter((key) => root[key] !== void 0);
  const [form, ...extra] = forms;
  if (form === void 0) {
    if (!suggested.some((key) => FORM_KEYS.includes(key))) {
      issues.add([], 'missing "commands": a list of services, each with a name and a command');
    }
    return void 0;
  }
  for (const other of extra) {
    issues.add([other], `"${other}" cannot be combined with "${form}"; use one list of services per file`, { target: "key" });
  }
  if (form === "backgroundDirectives") return readDirectives(root, issues);
  const defaults = readDefaults(root, [], issues);
  if (form === "background") return { defaults, entries: readBackground(root.background, issues) };
  return { defaults, entries: readServiceList(root[form], [form], issues) };
}
function reportUnknownKeys(mapping, path, known, issues) {
  const suggestions = [];
  for (const key of Object.keys(mapping)) {
    if (known.includes(key)) continue;
    const match = SERVICE_KEYS.includes(key) ? void 0 : suggest(key, known);
    let message;
    if (SERVICE_KEYS.includes(key)) {
      message = `${quote(key)} is a service key; put services in a "commands:" list`;
    } else if (match !== void 0) {
      suggestions.push(match);
      message = `unknown key ${quote(key)}; did you mean ${JSON.stringify(match)}?`;
    } else {
      message = `unknown key ${quote(key)} (allowed: ${known.join(", ")})`;
    }
    issues.add(path, message, { at: [...path, key], target: "key" });
  }
  return suggestions;
}
function readDefaults(mapping, path, issues) {
  return {
    shell: readText(mapping, "shell", path, issues),
    shellPath: [...path, "shell"],
    settleMs: readDuration(mapping.settle, [...path, "settle"], issues, { allowZero: true }) ?? DEFAULT_SETTLE_MS,
    timeoutMs: readDuration(mapping.timeout, [...path, "timeout"], issues, { allowZero: false }) ?? DEFAULT_TIMEOUT_MS2,
    stopTimeoutMs: readDuration(mapping["stop-timeout"], [...path, "stop-timeout"], issues, { allowZero: true }) ?? DEFAULT_STOP_TIMEOUT_MS
  };
}
function readDirectives(root, issues) {
  for (const key of DEFAULT_KEYS) {
    if (root[key] !== void 0) {
      issues.add([key], `with "backgroundDirectives", put "${key}" inside it`, { target: "key" });
    }
  }
  const path = ["backgroundDirectives"];
  const directives = root.backgroundDirectives;
  if (!isMapping(directives)) {
    issues.add(path, `expected a mapping with "commands", got ${describeValue(directives)}`);
    return void 0;
  }
  reportUnknownKeys(directives, path, DIRECTIVES_KEYS, issues);
  const defaults = readDefaults(directives, path, issues);
  if (directives.commands === void 0) {
    issues.add(path, 'missing "commands": a list of services, each with a name and a command');
    return void 0;
  }
  return { defaults, entries: readServiceList(directives.commands, [...path, "commands"], issues) };
}
function readServiceList(value, path, issues) {
  if (value === null || Array.isArray(value) && value.length === 0) {
    issues.add(path, "the list is empty; add at least one service with a name and a command");
    return [];
  }
  if (!Array.isArray(value)) {
    const hint = isMapping(value) ? '; write each service as a list entry: "- name: api"' : "";
    issues.add(path, `expected a list of services, got ${describeValue(value)}${hint}`);
    return [];
  }
  return value.map((item, index) => ({ value: item, path: [...path, index] }));
}
function readBackground(value, issues) {
  const path = ["background"];
  if (value === null || Array.isArray(value) && value.length === 0) {
    issues.add(path, "the list is empty; add at least one command");
    return [];
  }
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list of command strings, got ${describeValue(value)}`);
    return [];
  }
  const commands = [];
  value.forEach((item, index) => {
    if (typeof item === "string" && item.trim() !== "") {
      commands.push({ command: item, path: [...path, index] });
    } else {
      const got = typeof item === "string" ? "an empty string" : describeValue(item);
      issues.add([...path, index], `expected a command string, got ${got}; use "commands:" for services with options`);
    }
  });
  const names = deriveServiceNames(commands.map((entry) => entry.command));
  return commands.map((entry, index) => ({ value: { name: names[index], command: entry.command }, path: entry.path }));
}
var FORM_KEYS, DEFAULT_KEYS, TOP_LEVEL_KEYS, DIRECTIVES_KEYS;
var init_top_level = __esm({
  "src/config/top-level.ts"() {
    "use strict";
    init_describe();
    init_names();
    init_service();
    init_service_fields();
    init_suggest();
    init_types();
    FORM_KEYS = ["commands", "services", "backgroundDirectives", "background"];
    DEFAULT_KEYS = ["shell", "timeout", "stop-timeout", "settle"];
    TOP_LEVEL_KEYS = ["$schema", ...DEFAULT_KEYS, ...FORM_KEYS, "include", "templates"];
    DIRECTIVES_KEYS = [...DEFAULT_KEYS, "commands"];
  }
});

// src/config/validate.ts
function validateConfig(root, options) {
  const { issues } = options;
  const included = options.included ?? [];
  const templates = /* @__PURE__ */ new Map();
  readTemplates(root, issues, templates);
  for (const document of included) readTemplates(document.root, document.issues, templates);
  const top = readTopLevel(root, issues);
  if (top === void 0) return { source: issues.source, services: [] };
  for (const template of templates.values()) checkTemplate(template, { cwd: options.cwd, defaults: top.defaults, environment: options.environment ?? {} });
  const drafts = [];
  for (const entry of top.entries) {
    const applied = applyTemplate(entry.value, entry.path, templates, issues);
    const draft = readService(applied.value, entry.path, {
      issues,
      cwd: options.cwd,
      defaults: top.defaults,
      environment: options.environment ?? {},
      paramEnv: applied.paramEnv
    });
    if (draft === void 0) continue;
    const at = issues.locate(entry.path);
    if (at !== void 0) draft.plan.line = at.line;
    drafts.push(draft);
  }
  checkUniqueNames(drafts, issues);
  checkNeeds(drafts, issues);
  checkUniqueExports(drafts, issues);
  checkNoNulCharacters(root, issues);
  for (const document of included) checkNoNulCharacters(document.root, document.issues);
  if (options.shellExists) checkShells(drafts, options.shellExists, issues);
  return { source: issues.source, services: drafts.map((draft) => draft.plan) };
}
function checkUniqueExports(drafts, issues) {
  const first = /* @__PURE__ */ new Map();
  for (const { plan, path } of drafts) {
    if (plan.port !== void 0) {
      const name = portVariable(plan.name);
      const earlier = first.get(name);
      if (earlier === void 0) first.set(name, plan.name);
      else issues.add([...path, "port"], `its port would be handed on as ${name}, like the port of service "${earlier}"; rename one of the services`);
    }
    for (const name of Object.keys(plan.exports ?? {})) {
      const earlier = first.get(name);
      if (earlier === void 0) first.set(name, plan.name);
      else issues.add([...path, "export", name], `${JSON.stringify(name)} is already exported by service "${earlier}"; later steps can see only one value: rename one`, { target: "key" });
    }
  }
}
function checkShells(drafts, shellExists, issues) {
  const reported = /* @__PURE__ */ new Set();
  for (const { plan, shellPath } of drafts) {
    if (plan.shell === void 0) continue;
    const key = JSON.stringify(shellPath);
    if (reported.has(key) || shellExists(plan.shell, { cwd: plan.cwd, path: plan.env.PATH })) continue;
    reported.add(key);
    issues.add(
      shellPath,
      `the shell ${JSON.stringify(plan.shell)} is not installed or not executable (looked on PATH); install it, give its full path, or remove "shell" to use bash (sh where bash is missing)`
    );
  }
}
function checkNoNulCharacters(root, issues) {
  const stack = [[root, []]];
  const seen = /* @__PURE__ */ new Set();
  for (let next = stack.pop(); next !== void 0; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === "string") {
      if (value.includes("\0")) issues.add(path, 'contains a NUL character ("\\0"), which no command, path or variable can hold');
    } else if (typeof value === "object" && value !== null && !seen.has(value)) {
      seen.add(value);
      const entries = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
      for (const [key, item] of entries) stack.push([item, [...path, key]]);
    }
  }
}
var init_validate = __esm({
  "src/config/validate.ts"() {
    "use strict";
    init_apply_template();
    init_names();
    init_needs();
    init_service();
    init_templates();
    init_top_level();
  }
});

// src/config/document-checks.ts
function documentIssues(doc, lineCounter) {
  const anchors = /* @__PURE__ */ new Set();
  const issues = [];
  const at = (node, message) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    issues.push({ line, column: col, path: "", message });
  };
  try {
    (0, import_yaml.visit)(doc, {
      Node(_key, node) {
        if ((0, import_yaml.isAlias)(node)) {
          if (!anchors.has(node.source)) at(node, `*${node.source} refers to no anchor: an alias needs an "&${node.source}" earlier in the file`);
          return;
        }
        if (node.anchor !== void 0) anchors.add(node.anchor);
        if (!(0, import_yaml.isMap)(node)) return;
        const keys = /* @__PURE__ */ new Set();
        for (const pair of node.items) {
          if (!(0, import_yaml.isScalar)(pair.key)) continue;
          const key = String(pair.key.value);
          if (keys.has(key)) at(pair.key, `syntax error: duplicate key ${JSON.stringify(key)}; a key may appear only once in a mapping`);
          keys.add(key);
        }
      }
    });
  } catch (error2) {
    if (!(error2 instanceof RangeError)) throw error2;
    return [{ path: "", message: "the document is nested too deeply to read" }];
  }
  return issues;
}
var import_yaml;
var init_document_checks = __esm({
  "src/config/document-checks.ts"() {
    "use strict";
    import_yaml = require("./yaml.cjs");
  }
});

// src/config/nesting.ts
function findTooDeep(tokens) {
  const stack = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next !== void 0; next = stack.pop()) {
    const [token, depth] = next;
    switch (token.type) {
      case "document":
        if (token.value) stack.push([token.value, depth]);
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection":
        if (depth + 1 > MAX_NESTING) return token.offset;
        for (const item of token.items) {
          if (item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return void 0;
}
var MAX_NESTING;
var init_nesting = __esm({
  "src/config/nesting.ts"() {
    "use strict";
    MAX_NESTING = 64;
  }
});

// src/config/positions.ts
function isEmpty(node) {
  if (node === null || node === void 0) return true;
  const range = (0, import_yaml2.isScalar)(node) ? node.range : void 0;
  return range !== void 0 && range !== null && range[0] === range[1];
}
function keyText(key) {
  if ((0, import_yaml2.isScalar)(key)) return String(key.value);
  return typeof key === "string" ? key : void 0;
}
var import_yaml2, Locator;
var init_positions = __esm({
  "src/config/positions.ts"() {
    "use strict";
    import_yaml2 = require("./yaml.cjs");
    Locator = class {
      constructor(doc, lineCounter) {
        this.doc = doc;
        this.lineCounter = lineCounter;
      }
      doc;
      lineCounter;
      /** The position of the path's node, or of the deepest ancestor that exists in the source. */
      locate(path, target = "value") {
        let node = this.doc.contents;
        let pair;
        for (const segment of path) {
          const collection = this.resolve(node);
          const found = this.child(collection, segment);
          if (found === void 0) {
            return this.position(collection);
          }
          node = found.node;
          pair = found.pair;
        }
        if (target === "key" && pair !== void 0) return this.position(pair.key);
        if (pair !== void 0 && isEmpty(node)) return this.position(pair.key);
        return this.position(node);
      }
      resolve(node) {
        return (0, import_yaml2.isAlias)(node) ? node.resolve(this.doc) : node;
      }
      child(collection, segment) {
        if ((0, import_yaml2.isSeq)(collection) && typeof segment === "number") {
          const item = collection.items[segment];
          return item === void 0 ? void 0 : { node: item };
        }
        if ((0, import_yaml2.isMap)(collection)) {
          for (const pair of collection.items) {
            if ((0, import_yaml2.isPair)(pair) && keyText(pair.key) === String(segment)) return { node: pair.value, pair };
          }
        }
        return void 0;
      }
      position(node) {
        const range = node?.range;
        if (range === void 0 || range === null) return void 0;
        const { line, col } = this.lineCounter.linePos(range[0]);
        return { line, column: col };
      }
    };
  }
});

// src/config/encoding.ts
function decodeConfig(bytes, source) {
  const first = bytes[0];
  const second = bytes[1];
  if (first === 255 && second === 254 || first === 254 && second === 255) {
    throw configErrorAt(source, "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8Error(bytes, source);
  }
}
function invalidUtf8Error(bytes, source) {
  const offset = firstInvalidOffset(bytes);
  const lineStart = bytes.lastIndexOf(10, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 10) line++;
  const column = Buffer.from(bytes.subarray(lineStart, offset)).toString("utf8").length + 1;
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return new ConfigError([
    {
      source,
      line,
      column,
      path: "",
      message: `not valid UTF-8: byte 0x${hex} cannot start or continue a character here; save the file as UTF-8 (is it Latin-1 or a binary file?)`
    }
  ]);
}
function firstInvalidOffset(bytes) {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    if (lead < 128) {
      i++;
      continue;
    }
    const length = lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
    if (length === 0) return i;
    const low = lead === 224 ? 160 : lead === 240 ? 144 : 128;
    const high = lead === 237 ? 159 : lead === 244 ? 143 : 191;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === void 0) return i;
      if (k === 1 ? next < low || next > high : (next & 192) !== 128) return i;
    }
    i += length;
  }
  return bytes.length;
}
var init_encoding = __esm({
  "src/config/encoding.ts"() {
    "use strict";
    init_errors();
  }
});

// src/config/read-file.ts
function readConfigFile(path, source) {
  let size;
  try {
    const stats = (0, import_node_fs24.statSync)(path);
    if (stats.isDirectory()) throw configErrorAt(source, `is a directory, not a config file (${path})`);
    size = stats.size;
  } catch (error2) {
    if (error2 instanceof ConfigError) throw error2;
    throw configErrorAt(source, describeReadError(error2, path), error2);
  }
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  let bytes;
  try {
    bytes = (0, import_node_fs24.readFileSync)(path);
  } catch (error2) {
    throw configErrorAt(source, describeReadError(error2, path), error2);
  }
  return decodeConfig(bytes, source);
}
function describeReadError(error2, path) {
  const code = error2?.code;
  if (code === "ENOENT") return `config file not found (looked at ${path})`;
  if (code === "EACCES" || code === "EPERM") return `cannot read the config file: permission denied (${path})`;
  return `cannot read the config file ${path}: ${error2 instanceof Error ? error2.message : String(error2)}`;
}
function tooLargeError(source, bytes) {
  return configErrorAt(source, `the config is ${formatSize(bytes)}; at most ${formatSize(MAX_CONFIG_BYTES)} is accepted (is this the right file?)`);
}
function formatSize(bytes) {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
var import_node_fs24, MAX_CONFIG_BYTES;
var init_read_file = __esm({
  "src/config/read-file.ts"() {
    "use strict";
    import_node_fs24 = require("node:fs");
    init_encoding();
    init_errors();
    MAX_CONFIG_BYTES = 64 * 1024;
  }
});

// src/config/syntax.ts
function syntaxIssues(doc, lineCounter, text) {
  const looksLikeJson = /^\s*[[{]/.test(text);
  const seenLines = /* @__PURE__ */ new Set();
  const issues = [];
  for (const error2 of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lineCounter.linePos(error2.pos[0]);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    const hint = looksLikeJson && error2.code === "UNEXPECTED_TOKEN" ? ' (is a "," missing before it?)' : "";
    issues.push({ line, column: col, path: "", message: `syntax error: ${describeYamlError(error2, text)}${hint}` });
  }
  return issues;
}
function describeYamlError(error2, text) {
  switch (error2.code) {
    case "DUPLICATE_KEY":
      return `duplicate key ${JSON.stringify(keyAt(text, error2.pos[0]))}; a key may appear only once in a mapping`;
    case "BLOCK_AS_IMPLICIT_KEY":
      return `${lowerFirst(error2.message)}; quote a value that contains ": " (for example wait-on: "log: Listening on")`;
    case "MULTIPLE_DOCS":
      return 'the config must be a single YAML document; remove the extra "---"';
    case "RESOURCE_EXHAUSTION":
      return "the document is nested too deeply to parse";
    case "TAB_AS_INDENT":
      return "tabs are not allowed as indentation in YAML; indent with spaces";
    default:
      return lowerFirst(error2.message);
  }
}
function keyAt(text, offset) {
  const end = text.indexOf("\n", offset);
  const line = text.slice(offset, end === -1 ? void 0 : end);
  const key = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:]*?))\s*:/.exec(line);
  return key?.[1] ?? key?.[2] ?? key?.[3] ?? line.trim();
}
function lowerFirst(message) {
  return /^[A-Z][a-z]/.test(message) ? message[0]?.toLowerCase() + message.slice(1) : message;
}
var init_syntax = __esm({
  "src/config/syntax.ts"() {
    "use strict";
  }
});

// src/config/document.ts
function parseDocument(text, source) {
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  const nul = nulByteIssue(text);
  if (nul !== void 0) throw new ConfigError([{ source, ...nul }]);
  const lineCounter = new import_yaml3.LineCounter();
  const doc = parseYaml(text, lineCounter, source);
  const issues = new IssueCollector(source, new Locator(doc, lineCounter));
  const syntax = [...syntaxIssues(doc, lineCounter, text), ...documentIssues(doc, lineCounter)];
  if (syntax.length > 0) {
    for (const issue2 of syntax) issues.addLocated(issue2);
    throw issues.toError();
  }
  try {
    return { root: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issues };
  } catch (error2) {
    throw configErrorAt(source, describeToJsError(error2), error2);
  }
}
function parseYaml(text, lineCounter, source) {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const tokens = [...new import_yaml3.Parser(lineCounter.addNewLine).parse(text)];
    const tooDeep = findTooDeep(tokens);
    if (tooDeep !== void 0) {
      const { line, col } = lineCounter.linePos(tooDeep);
      const message = `syntax error: nested more than ${MAX_NESTING} levels deep (a config needs a handful)`;
      throw new ConfigError([{ source, line, column: col, path: "", message }]);
    }
    const composer = new import_yaml3.Composer({ prettyErrors: false, merge: true, uniqueKeys: false });
    const [doc, extra] = composer.compose(tokens, true, text.length);
    if (doc === void 0) throw new Error("the YAML composer returned no document");
    if (extra !== void 0) doc.errors.push(new import_yaml3.YAMLParseError([extra.range[0], extra.range[1]], "MULTIPLE_DOCS", "multiple documents"));
    return doc;
  } catch (error2) {
    if (error2 instanceof ConfigError) throw error2;
    throw configErrorAt(source, `cannot parse: ${error2 instanceof Error ? error2.message : String(error2)}`, error2);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
function nulByteIssue(text) {
  const offset = text.indexOf("\0");
  if (offset < 0) return void 0;
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const line = text.slice(0, lineStart).split("\n").length;
  return {
    line,
    column: offset - lineStart + 1,
    path: "",
    message: "contains a NUL byte; a config is text (is this a binary or UTF-16 file? save it as UTF-8)"
  };
}
function describeToJsError(error2) {
  if (error2 instanceof ReferenceError) return `too many alias (*anchor) expansions; the limit is ${MAX_ALIAS_COUNT}`;
  if (error2 instanceof RangeError) return "the document is nested too deeply to read";
  const detail = error2 instanceof Error ? error2.message : String(error2);
  return `cannot read the document: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`;
}
var import_yaml3, MAX_ALIAS_COUNT;
var init_document = __esm({
  "src/config/document.ts"() {
    "use strict";
    import_yaml3 = require("./yaml.cjs");
    init_document_checks();
    init_errors();
    init_issues();
    init_nesting();
    init_positions();
    init_read_file();
    init_syntax();
    MAX_ALIAS_COUNT = 100;
  }
});

// src/config/include.ts
function loadIncludes(root, options) {
  const loader = new IncludeLoader(options.issues, options.cwd);
  const chain = options.file === void 0 ? [] : [{ real: realPath(options.file) ?? options.file, source: options.issues.source }];
  loader.visit(root, options.issues, options.file === void 0 ? options.cwd : (0, import_node_path19.dirname)(options.file), chain);
  return loader.documents;
}
function includeEntries(value, issues) {
  if (typeof value === "string") return [{ value, path: ["include"] }];
  if (!Array.isArray(value)) {
    issues.add(["include"], `expected a list of file paths relative to this file, got ${describeValue(value)}`);
    return [];
  }
  return value.map((item, index) => ({ value: item, path: ["include", index] }));
}
function checkIncludedKeys({ root, issues }) {
  if (root === void 0) return;
  if (!isMapping(root)) {
    issues.add([], `an included file adds templates: expected a mapping with "templates:", got ${describeValue(root)}`);
    return;
  }
  for (const key of Object.keys(root)) {
    if (INCLUDED_KEYS.includes(key)) continue;
    const message = MAIN_ONLY_KEYS.includes(key) ? `an included file may only add templates (and include more files); ${quote(key)} belongs in the config that includes it` : `unknown key ${quote(key)}${didYouMean(key, INCLUDED_KEYS) || ` (an included file may hold: ${INCLUDED_KEYS.join(", ")})`}`;
    issues.add([], message, { at: [key], target: "key" });
  }
}
function isOutside(root, path) {
  const rel = (0, import_node_path19.relative)(root, path);
  return rel === ".." || rel.startsWith(`..${import_node_path19.sep}`) || (0, import_node_path19.isAbsolute)(rel);
}
function fileProblem(path) {
  try {
    return (0, import_node_fs25.statSync)(path).isDirectory() ? `it is a directory (${path})` : void 0;
  } catch (error2) {
    const code = error2.code;
    if (code === "ENOENT" || code === "ENOTDIR") return `no such file (looked at ${path})`;
    if (code === "EACCES" || code === "EPERM") return `permission denied (${path})`;
    return `${error2 instanceof Error ? error2.message : String(error2)} (${path})`;
  }
}
function realPath(path) {
  try {
    return (0, import_node_fs25.realpathSync)(path);
  } catch {
    return void 0;
  }
}
var import_node_fs25, import_node_path19, INCLUDED_KEYS, MAIN_ONLY_KEYS, MAX_INCLUDED_FILES, URL_LIKE, IncludeLoader;
var init_include = __esm({
  "src/config/include.ts"() {
    "use strict";
    import_node_fs25 = require("node:fs");
    import_node_path19 = require("node:path");
    init_describe();
    init_document();
    init_errors();
    init_issues();
    init_read_file();
    init_suggest();
    INCLUDED_KEYS = ["$schema", "include", "templates"];
    MAIN_ONLY_KEYS = ["commands", "services", "backgroundDirectives", "background", "shell", "timeout", "stop-timeout", "settle"];
    MAX_INCLUDED_FILES = 64;
    URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
    IncludeLoader = class {
      constructor(main, cwd) {
        this.main = main;
        this.cwd = cwd;
        this.realCwd = realPath(cwd) ?? cwd;
      }
      main;
      cwd;
      documents = [];
      loaded = /* @__PURE__ */ new Set();
      realCwd;
      visit(root, issues, baseDir, chain) {
        if (!isMapping(root) || root.include === void 0) return;
        for (const entry of includeEntries(root.include, issues)) {
          const target = this.resolveEntry(entry.value, entry.path, baseDir, issues);
          if (target === void 0) continue;
          if (chain.some((link) => link.real === target.real)) {
            const cycle = [...chain.slice(chain.findIndex((link) => link.real === target.real)).map((link) => link.source), target.source];
            issues.add(entry.path, `include cycle: ${cycle.join(" → ")}; a file cannot include itself, directly or through others`);
            continue;
          }
          if (this.loaded.has(target.real)) continue;
          if (this.documents.length >= MAX_INCLUDED_FILES) {
            issues.add(entry.path, `more than ${MAX_INCLUDED_FILES} included files; merge some of them`);
            return;
          }
          this.loaded.add(target.real);
          const document = this.read(target.path, target.source);
          this.main.adopt(document.issues);
          this.documents.push(document);
          checkIncludedKeys(document);
          this.visit(document.root, document.issues, (0, import_node_path19.dirname)(target.path), [...chain, target]);
        }
      }
      // The entry to an absolute path inside the working directory, or a reported problem.
      resolveEntry(value, path, baseDir, issues) {
        if (typeof value !== "string" || value.trim() === "") {
          const got = typeof value === "string" ? "an empty string" : describeValue(value);
          issues.add(path, `expected a file path relative to this file, got ${got}`);
          return void 0;
        }
        if (URL_LIKE.test(value)) {
          issues.add(path, `${quote(value)} is a URL; include takes files in the repository only (commit the file, or fetch it in an earlier step)`);
          return void 0;
        }
        if ((0, import_node_path19.isAbsolute)(value)) {
          issues.add(path, `${quote(value)} is an absolute path; write it relative to this file`);
          return void 0;
        }
        const absolute = (0, import_node_path19.resolve)(baseDir, value);
        if (isOutside(this.cwd, absolute)) {
          issues.add(path, `${quote(value)} is outside the working directory ${this.cwd} (it is ${absolute}); included files must be inside it`);
          return void 0;
        }
        const problem = fileProblem(absolute);
        if (problem !== void 0) {
          issues.add(path, `cannot include ${quote(value)}: ${problem}`);
          return void 0;
        }
        const real = realPath(absolute) ?? absolute;
        if (isOutside(this.realCwd, real)) {
          issues.add(path, `${quote(value)} leads through a symbolic link to ${real}, outside the working directory ${this.cwd}; included files must be inside it`);
          return void 0;
        }
        return { path: absolute, real, source: (0, import_node_path19.relative)(this.cwd, absolute).split(import_node_path19.sep).join("/") };
      }
      // A file that cannot be read or parsed is reported in its own name, and adds nothing.
      read(path, source) {
        try {
          return { source, ...parseDocument(readConfigFile(path, source), source) };
        } catch (error2) {
          if (!(error2 instanceof ConfigError)) throw error2;
          const issues = new IssueCollector(source);
          for (const { source: _source, ...issue2 } of error2.issues) issues.addLocated(issue2);
          return { source, root: void 0, issues };
        }
      }
    };
  }
});

// src/config/parse.ts
function parseConfig(text, options) {
  const { source } = options;
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  if (text.trim() === "" || isOnlyComments(text)) throw emptyError(source);
  const { root, issues } = parseDocument(text, source);
  if (root === null || root === void 0) throw emptyError(source);
  const cwd = (0, import_node_path20.resolve)(options.cwd);
  const included = loadIncludes(root, { issues, cwd, file: options.file === void 0 ? void 0 : (0, import_node_path20.resolve)(cwd, options.file) });
  const plan = validateConfig(root, { cwd, issues, shellExists: options.shellExists, environment: options.environment, included });
  if (!issues.isEmpty) throw issues.toError();
  return plan;
}
function isOnlyComments(text) {
  return text.split(/\r?\n/).every((line) => /^\s*(?:#.*)?$/.test(line));
}
function emptyError(source) {
  return configErrorAt(
    source,
    'the config is empty: expected a "commands:" list of services, each with a name and a command'
  );
}
var import_node_path20;
var init_parse = __esm({
  "src/config/parse.ts"() {
    "use strict";
    import_node_path20 = require("node:path");
    init_document();
    init_errors();
    init_include();
    init_read_file();
    init_validate();
  }
});

// src/config/load.ts
var load_exports = {};
__export(load_exports, {
  CONFIG_FILE_NAMES: () => CONFIG_FILE_NAMES,
  loadConfig: () => loadConfig
});
function loadConfig(options) {
  const cwd = (0, import_node_path21.resolve)(options.cwd);
  if (options.file !== void 0 && options.file !== "") {
    const file = (0, import_node_path21.resolve)(cwd, options.file);
    return parseConfig(readConfigFile(file, options.file), { source: options.file, cwd, file, shellExists: options.shellExists, environment: options.environment });
  }
  if (options.inlineText !== void 0 && options.inlineText !== "") {
    return parseConfig(options.inlineText, { source: options.inlineLabel ?? "inline config", cwd, shellExists: options.shellExists, environment: options.environment });
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = (0, import_node_path21.resolve)(cwd, name);
    if (isFile(path)) return parseConfig(readConfigFile(path, name), { source: name, cwd, file: path, shellExists: options.shellExists, environment: options.environment });
  }
  const names = CONFIG_FILE_NAMES.join(", ");
  throw configErrorAt(cwd, `no config found: looked for ${names} in this directory; create one, or point to a file with --config (the action's "config" input)`);
}
function isFile(path) {
  try {
    return (0, import_node_fs26.statSync)(path).isFile();
  } catch {
    return false;
  }
}
var import_node_fs26, import_node_path21;
var init_load = __esm({
  "src/config/load.ts"() {
    "use strict";
    import_node_fs26 = require("node:fs");
    import_node_path21 = require("node:path");
    init_errors();
    init_parse();
    init_read_file();
    init_types();
  }
});

// src/entries/main.ts
var main_exports = {};
__export(main_exports, {
  run: () => run
});
module.exports = __toCommonJS(main_exports);

// src/edges/github/entry-point.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_url = require("node:url");
function isMainScript(moduleUrl, argv1 = process.argv[1]) {
  if (!argv1) return false;
  const modulePath = (0, import_node_url.fileURLToPath)(moduleUrl);
  if ((0, import_node_path.resolve)(argv1) === modulePath) return true;
  try {
    return import_node_fs.realpathSync.native(argv1) === import_node_fs.realpathSync.native(modulePath);
  } catch {
    return false;
  }
}
async function runIfMainScript(moduleUrl, run2) {
  if (!isMainScript(moduleUrl)) return;
  await run2();
  setTimeout(() => {
    process.stderr.write("bgsvc: an open handle kept this step alive; exiting anyway\n");
    process.exit();
  }, 3e3).unref();
}

// node_modules/@actions/core/lib/command.js
var os = __toESM(require("os"), 1);

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/random.ts
var import_node_fs2 = require("node:fs");

// src/builtins.ts
var childProcess = lazyBuiltin("node:child_process");
var crypto = lazyBuiltin("node:crypto");
var fsPromises = lazyBuiltin("node:fs/promises");
var http = lazyBuiltin("node:http");
var https = lazyBuiltin("node:https");
var net = lazyBuiltin("node:net");
function lazyBuiltin(id) {
  let loaded;
  return () => loaded ??= process.getBuiltinModule?.(id) ?? require(id);
}

// src/random.ts
var POOL_BYTES = 256;
var pool = Buffer.alloc(0);
var used = 0;
function randomBytes(count) {
  if (count > POOL_BYTES) return readRandom(count);
  if (used + count > pool.length) {
    pool = readRandom(POOL_BYTES);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + count));
  used += count;
  return bytes;
}
function randomHex(byteCount) {
  return randomBytes(byteCount).toString("hex");
}
function randomUUID() {
  const bytes = randomBytes(16);
  bytes[6] = bytes[6] & 15 | 64;
  bytes[8] = bytes[8] & 63 | 128;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function readRandom(count) {
  const bytes = Buffer.alloc(count);
  let fd;
  try {
    fd = (0, import_node_fs2.openSync)("/dev/urandom", "r");
  } catch {
    return crypto().randomBytes(count);
  }
  try {
    let filled = 0;
    while (filled < count) {
      const read = (0, import_node_fs2.readSync)(fd, bytes, filled, count - filled, null);
      if (read === 0) throw new Error("/dev/urandom ended");
      filled += read;
    }
  } finally {
    (0, import_node_fs2.closeSync)(fd);
  }
  return bytes;
}

// node_modules/@actions/core/lib/file-command.js
var fs = __toESM(require("fs"), 1);
var os2 = __toESM(require("os"), 1);
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
var os4 = __toESM(require("os"), 1);

// lean-toolkit:summary
var summary = new Proxy({}, { get() {
  throw new Error("bgsvc does not bundle @actions/core's summary: scripts/build.mjs replaces it (src/edges/github/step-summary.ts writes the job summary)");
} });
var markdownSummary = new Proxy({}, { get() {
  throw new Error("bgsvc does not bundle @actions/core's markdownSummary: scripts/build.mjs replaces it (src/edges/github/step-summary.ts writes the job summary)");
} });

// node_modules/@actions/core/lib/platform.js
var import_os = __toESM(require("os"), 1);
var platform = import_os.default.platform();
var arch = import_os.default.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env["GITHUB_ENV"] || "";
  if (filePath) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}

// src/edges/github/step-summary.ts
var import_node_fs3 = require("node:fs");
var import_node_os = require("node:os");
function appendStepSummary(summaryFile, markdown) {
  if (!summaryFile) {
    throw new Error("Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.");
  }
  try {
    (0, import_node_fs3.accessSync)(summaryFile, import_node_fs3.constants.R_OK | import_node_fs3.constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${summaryFile}'. Check if the file has correct read/write permissions.`);
  }
  (0, import_node_fs3.appendFileSync)(summaryFile, `${markdown}${import_node_os.EOL}`, { encoding: "utf8" });
}

// src/edges/github/stdout-lines.ts
var import_node_fs4 = require("node:fs");
var import_node_os2 = require("node:os");

// src/sleep.ts
var MAX_TIMER_MS = 2 ** 31 - 1;
async function sleep(ms, signal) {
  let left = Math.max(0, ms);
  do {
    const slice = Math.min(left, MAX_TIMER_MS);
    await sleepOnce(slice, signal);
    left -= slice;
  } while (left > 0);
}
function sleepOnce(ms, signal) {
  return new Promise((resolve18, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve18();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var napCell = new Int32Array(new SharedArrayBuffer(4));
function napSync(ms) {
  Atomics.wait(napCell, 0, 0, ms);
}

// src/edges/github/stdout-lines.ts
var GIVE_UP_AFTER_MS = 1e4;
function writeLine(text, fd = 1) {
  const bytes = Buffer.from(`${text}${import_node_os2.EOL}`, "utf8");
  let written = 0;
  let blockedSince;
  while (written < bytes.length) {
    try {
      written += (0, import_node_fs4.writeSync)(fd, bytes, written);
      blockedSince = void 0;
    } catch (error2) {
      const code = error2.code;
      if (code === "EPIPE") return;
      if (code !== "EAGAIN") throw error2;
      blockedSince ??= Date.now();
      if (Date.now() - blockedSince > GIVE_UP_AFTER_MS) return;
      napSync(1);
    }
  }
}

// src/edges/github/io.ts
function createActionsIo(options = {}) {
  let toolkitWrites = !options.directStdout;
  const toolkit = (call) => (...args) => {
    toolkitWrites = true;
    call(...args);
  };
  const fileCommand = (fileVariable, call) => (...args) => {
    if (!process.env[fileVariable]) toolkitWrites = true;
    call(...args);
  };
  return {
    getInput: (name) => getInput(name, { trimWhitespace: false }),
    info: (text) => toolkitWrites ? info(text) : writeLine(text),
    warning: toolkit((text, props) => warning(text, props ?? {})),
    error: toolkit((text, props) => error(text, props ?? {})),
    startGroup: toolkit((title) => startGroup(title)),
    endGroup: toolkit(() => endGroup()),
    setOutput: fileCommand("GITHUB_OUTPUT", (name, value) => setOutput(name, value)),
    saveState: fileCommand("GITHUB_STATE", (name, value) => saveState(name, value)),
    exportVariable: fileCommand("GITHUB_ENV", (name, value) => exportVariable(name, value)),
    getState: (name) => getState(name),
    setFailed: toolkit((message) => setFailed(message)),
    appendSummary: async (markdown) => appendStepSummary(process.env.GITHUB_STEP_SUMMARY, markdown)
  };
}

// src/app/start.ts
var import_node_events = require("node:events");
var import_node_path15 = require("node:path");

// src/process/launch.ts
var import_node_fs13 = require("node:fs");
var import_node_path3 = require("node:path");

// src/process/cost-file.ts
var import_node_fs5 = require("node:fs");
function costFileFor(exitFile) {
  return exitFile.endsWith(".exit") ? `${exitFile.slice(0, -".exit".length)}.cost` : `${exitFile}.cost`;
}
function readCostFile(costFile) {
  try {
    return parseCostFile((0, import_node_fs5.readFileSync)(costFile, "utf8"));
  } catch {
    return void 0;
  }
}
function parseCostFile(text) {
  const tree = /^tree (\d+) (\d+)\s*$/.exec(text);
  if (tree) return { scope: "tree", cpuMs: Math.round(Number(tree[1]) / 1e3), peakMemoryBytes: Number(tree[2]) * 1024 };
  if (!text.startsWith("children\n")) return void 0;
  const children = text.split("\n")[2]?.trim() ?? "";
  const times = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(children);
  if (!times) return void 0;
  const [, userMin, userSec, systemMin, systemSec] = times.map(Number);
  return { scope: "children", cpuMs: Math.round((userMin * 60 + userSec + systemMin * 60 + systemSec) * 1e3) };
}

// src/process/exit-file.ts
var import_node_fs6 = require("node:fs");
function readExitFile(exitFile) {
  let text;
  let atMs;
  try {
    text = (0, import_node_fs6.readFileSync)(exitFile, "utf8");
    atMs = Math.round((0, import_node_fs6.statSync)(exitFile).mtimeMs);
  } catch {
    return void 0;
  }
  return parseExitRecord(text, atMs);
}
function parseExitRecord(text, atMs) {
  const match = /^(exit|signal) (\S+)\s*$/.exec(text);
  if (!match) return void 0;
  const [, kind, value = ""] = match;
  if (kind === "signal") return { code: null, signal: value.startsWith("SIG") ? value : `SIG${value}`, atMs };
  const code = Number(value);
  return Number.isInteger(code) ? { code, signal: null, atMs } : void 0;
}

// src/process/log-file.ts
var import_node_fs7 = require("node:fs");
var { O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_WRONLY } = import_node_fs7.constants;
var LOG_READ_FLAGS = O_RDONLY | O_NOFOLLOW;
function previousLogPath(logFile) {
  return logFile.endsWith(".log") ? `${logFile.slice(0, -".log".length)}.prev.log` : `${logFile}.prev`;
}
function openFreshLog(logFile) {
  keepPreviousLog(logFile);
  try {
    return (0, import_node_fs7.openSync)(logFile, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW, 384);
  } catch (error2) {
    if (error2.code !== "EEXIST") throw error2;
    throw new Error(`${logFile} reappeared after the previous log was moved aside; another process is writing to this log dir`, {
      cause: error2
    });
  }
}
function openLogForAppend(logFile) {
  return (0, import_node_fs7.openSync)(logFile, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 384);
}
function keepPreviousLog(logFile) {
  let stats;
  try {
    stats = (0, import_node_fs7.lstatSync)(logFile);
  } catch (error2) {
    if (error2.code === "ENOENT") return;
    throw error2;
  }
  if (stats.isSymbolicLink()) throw new Error(`${logFile} is a symbolic link, not a log bgsvc wrote; remove it`);
  if (!stats.isFile()) throw new Error(`${logFile} is not a regular file, so not a log bgsvc wrote; remove it`);
  const uid = process.getuid?.();
  if (uid !== void 0 && stats.uid !== uid) {
    throw new Error(`${logFile} belongs to uid ${stats.uid}, not to you (uid ${uid}); remove it or choose another log dir`);
  }
  (0, import_node_fs7.renameSync)(logFile, previousLogPath(logFile));
}

// src/process/signal.ts
function sendSignal(pid, signal) {
  try {
    process.kill(pid, signal);
    return "sent";
  } catch (error2) {
    const code = error2.code;
    if (code === "ESRCH") return "gone";
    if (code === "EPERM") return "denied";
    throw error2;
  }
}
function processExists(pid) {
  return sendSignal(pid, 0) !== "gone";
}

// src/process/darwin.ts
var TABLE_COLUMNS = "pid=,ppid=,pgid=,stat=,lstart=,command=";
function createDarwinPlatform() {
  return {
    snapshot() {
      const processes = new Map(parsePsTable(runPs(["-axww", "-o", TABLE_COLUMNS])).map((p) => [p.pid, p]));
      let environments;
      return {
        processes,
        envMatches(pid, vars) {
          environments ??= new Map(parsePsTable(runPs(["-E", "-axww", "-o", TABLE_COLUMNS])).map((p) => [p.pid, p.command]));
          return commandHoldsEnv(environments.get(pid) ?? "", vars);
        }
      };
    },
    findByEnv(vars) {
      const table = parsePsTable(runPs(["-E", "-axww", "-o", TABLE_COLUMNS]));
      return table.filter((p) => !p.zombie && commandHoldsEnv(p.command, vars));
    },
    hasEnv(pid, vars) {
      const row = parsePsTable(runPs(["-E", "-ww", "-o", TABLE_COLUMNS, "-p", String(pid)]))[0];
      return row !== void 0 && commandHoldsEnv(row.command, vars);
    },
    isAlive(pid, startTime) {
      if (!processExists(pid)) return false;
      const row = parsePsTable(runPs(["-ww", "-o", TABLE_COLUMNS, "-p", String(pid)]))[0];
      return row !== void 0 && !row.zombie && (startTime === void 0 || row.startTime === startTime);
    },
    startTimeOf(pid) {
      return parsePsTable(runPs(["-ww", "-o", TABLE_COLUMNS, "-p", String(pid)]))[0]?.startTime;
    },
    findListeners(port) {
      return parseLsof(runTool("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"]));
    },
    findSocketListeners(path) {
      return parseLsof(runTool("lsof", ["-nP", "-U", "-Fpc", "--", path]));
    }
  };
}
var ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\w{3}\s+\w{3}\s+\d+\s+[\d:]+\s+\d{4})\s*(.*)$/;
function parsePsTable(text) {
  const rows = [];
  for (const line of text.split("\n")) {
    const match = ROW.exec(line);
    if (!match) continue;
    const [, pid, ppid, pgid, stat2, lstart, command] = match;
    rows.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      sid: -1,
      // macOS ps has no session id, only a session pointer
      startTime: (lstart ?? "").replace(/\s+/g, " "),
      zombie: (stat2 ?? "").startsWith("Z"),
      command: command ?? ""
    });
  }
  return rows;
}
function commandHoldsEnv(commandWithEnv, vars) {
  const words = new Set(commandWithEnv.split(/\s+/));
  return Object.entries(vars).every(([key, value]) => words.has(`${key}=${value}`));
}
function parseLsof(text) {
  const found = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("p")) found.push({ pid: Number(line.slice(1)), command: "" });
    const last = found[found.length - 1];
    if (line.startsWith("c") && last) last.command = line.slice(1);
  }
  return found;
}
function runPs(args) {
  return runTool("ps", args);
}
function runTool(file, args) {
  try {
    const env = { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LC_ALL: "C", TZ: "UTC" };
    return childProcess().execFileSync(file, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error2) {
    const stdout = error2.stdout;
    return typeof stdout === "string" ? stdout : "";
  }
}

// src/process/proc-read.ts
var import_node_fs8 = require("node:fs");
var scratch = Buffer.allocUnsafe(64 * 1024);
function readProcBytes(path) {
  let fd;
  try {
    fd = (0, import_node_fs8.openSync)(path, "r");
  } catch {
    return void 0;
  }
  try {
    let length = 0;
    for (; ; ) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, length);
        scratch = bigger;
      }
      const read = (0, import_node_fs8.readSync)(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return scratch.subarray(0, length);
  } catch {
    return void 0;
  } finally {
    (0, import_node_fs8.closeSync)(fd);
  }
}
function readProcText(path) {
  return readProcBytes(path)?.toString("latin1");
}
function readCommandLine(pid) {
  const bytes = readProcBytes(`/proc/${pid}/cmdline`);
  if (!bytes || bytes.length === 0) return void 0;
  const text = bytes.toString("utf8");
  return (text.endsWith("\0") ? text.slice(0, -1) : text).split("\0").join(" ");
}
function parseStat(text) {
  const open = text.indexOf("(");
  const close2 = text.lastIndexOf(")");
  if (open < 0 || close2 < open) return void 0;
  const fields = text.slice(close2 + 2).split(" ");
  const startTime = fields[19];
  if (fields.length < 20 || startTime === void 0) return void 0;
  return {
    pid: Number(text.slice(0, open - 1)),
    comm: text.slice(open + 1, close2),
    state: fields[0] ?? "",
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    sid: Number(fields[3]),
    flags: Number(fields[6]),
    startTime,
    envEnd: fields[48] === void 0 ? void 0 : Number(fields[48])
  };
}
function readStat(pid) {
  const text = readSmallProcFile(`/proc/${pid}/stat`);
  return text === void 0 ? void 0 : parseStat(text);
}
function readSmallProcFile(path) {
  let fd;
  try {
    fd = (0, import_node_fs8.openSync)(path, "r");
  } catch {
    return void 0;
  }
  try {
    const length = (0, import_node_fs8.readSync)(fd, scratch, 0, scratch.length, null);
    return scratch.toString("latin1", 0, length);
  } catch {
    return void 0;
  } finally {
    (0, import_node_fs8.closeSync)(fd);
  }
}
function isExitedState(state) {
  return state === "Z" || state === "X" || state === "x";
}
var PF_EXITING = 4;
var PF_KTHREAD = 2097152;
function isExitingOrExited(stat2) {
  return isExitedState(stat2.state) || (stat2.flags & PF_EXITING) !== 0;
}
function envNeedles(vars) {
  return Object.entries(vars).map(([key, value]) => Buffer.from(`\0${key}=${value}\0`, "utf8"));
}
function environHolds(environ, needles) {
  return framedEnvironHolds(frameEnviron(environ), needles);
}
function frameEnviron(environ) {
  return Buffer.concat([NUL, environ, NUL]);
}
function framedEnvironHolds(framed, needles) {
  return needles.every((needle) => framed.indexOf(needle) >= 0);
}
var NUL = Buffer.from([0]);

// src/process/linux-usage.ts
var TICKS_PER_SECOND = 100;
function readLinuxUsage(pid, startTime) {
  const stat2 = readProcText(`/proc/${pid}/stat`);
  if (stat2 === void 0) return void 0;
  const usage = parseUsage(stat2, startTime);
  if (!usage) return void 0;
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readProcText(`/proc/${pid}/status`) ?? "");
  return hwm ? { ...usage, peakMemoryBytes: Number(hwm[1]) * 1024 } : usage;
}
function parseUsage(stat2, startTime) {
  const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
  if (fields[19] !== startTime) return void 0;
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  if (![utime, stime, cutime, cstime].every(Number.isFinite)) return void 0;
  const ms = (ticks) => Math.round(ticks * 1e3 / TICKS_PER_SECOND);
  return { cpuMs: ms(utime + stime), reapedCpuMs: ms(cutime + cstime) };
}

// src/process/linux-listeners.ts
var import_node_fs9 = require("node:fs");
var TCP_LISTEN = "0A";
function findLinuxListeners(port, startedSince2) {
  const inodes = /* @__PURE__ */ new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const inode of listeningInodes(readProcText(table) ?? "", port)) inodes.add(inode);
  }
  return holdersOf(inodes, startedSince2);
}
function findLinuxSocketListeners(path, startedSince2) {
  return holdersOf(new Set(listeningUnixInodes(readProcText("/proc/net/unix") ?? "", path)), startedSince2);
}
function listeningUnixInodes(table, path) {
  const inodes = [];
  for (const line of table.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [flags, inode, bound] = [fields[3], fields[6], fields.slice(7).join(" ")];
    if (!flags || !inode || bound !== path) continue;
    if ((Number.parseInt(flags, 16) & 65536) !== 0) inodes.push(inode);
  }
  return inodes;
}
function holdersOf(inodes, startedSince2) {
  if (inodes.size === 0) return [];
  const since = startedSince2 !== void 0 && /^\d+$/.test(startedSince2) ? Number(startedSince2) : void 0;
  const holders = [];
  for (const entry of (0, import_node_fs9.readdirSync)("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (since !== void 0 && !(Number(readStat(pid)?.startTime) >= since)) continue;
    if (holdsAnySocket(pid, inodes)) holders.push({ pid, command: readCommandLine(pid) ?? "" });
  }
  return holders;
}
function listeningInodes(table, port) {
  const inodes = [];
  for (const line of table.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    const inode = fields[9];
    if (!local || !inode || fields[3] !== TCP_LISTEN || inode === "0") continue;
    if (Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16) === port) inodes.push(inode);
  }
  return inodes;
}
function holdsAnySocket(pid, inodes) {
  let fds;
  try {
    fds = (0, import_node_fs9.readdirSync)(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      const target = (0, import_node_fs9.readlinkSync)(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return true;
    } catch {
    }
  }
  return false;
}

// src/process/linux-snapshot.ts
var import_node_fs10 = require("node:fs");

// src/clock.ts
function monotonicMs() {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}

// src/process/environ-read.ts
var EXEC_SETTLE_MS = 100;
var EMPTY = Buffer.alloc(0);
function readEnviron(pid) {
  const deadline = monotonicMs() + EXEC_SETTLE_MS;
  for (; ; ) {
    const bytes = readProcBytes(`/proc/${pid}/environ`);
    if (bytes === void 0 || bytes.length > 0) return bytes;
    if (!isExecInFlight(pid) || monotonicMs() >= deadline) return EMPTY;
    napSync(1);
  }
}
function isExecInFlight(pid) {
  const stat2 = readStat(pid);
  return stat2 !== void 0 && !isExitingOrExited(stat2) && (stat2.flags & PF_KTHREAD) === 0 && stat2.envEnd === 0;
}

// src/process/linux-snapshot.ts
var RESERVED_PIDS = 300;
var LinuxSnapshot = class {
  constructor(counters) {
    this.counters = counters;
  }
  counters;
  processes = /* @__PURE__ */ new Map();
  /**
   * Each environment read so far, framed (see frameEnviron; null: unreadable).
   * Kept whole, not as a yes/no per cookie: a stop of 50 services asks every
   * process about 50 different cookies, and one read must answer them all.
   */
  environs = /* @__PURE__ */ new Map();
  /** Kernel threads: no environment to read, so never ours (a hundred of them on a quiet machine). */
  kernelThreads = /* @__PURE__ */ new Set();
  // A property, not a method: callers pass it around detached.
  envMatches = (pid, vars) => {
    if (this.kernelThreads.has(pid)) return false;
    let framed = this.environs.get(pid);
    if (framed === void 0) {
      const bytes = readEnviron(pid);
      framed = bytes === void 0 ? null : frameEnviron(bytes);
      this.environs.set(pid, framed);
    }
    return framed !== null && framedEnvironHolds(framed, needlesFor(vars));
  };
};
var needlesByCookie = /* @__PURE__ */ new WeakMap();
function needlesFor(vars) {
  let needles = needlesByCookie.get(vars);
  if (!needles) {
    needles = envNeedles(vars);
    needlesByCookie.set(vars, needles);
  }
  return needles;
}
function takeLinuxSnapshot(previous) {
  const counters = readCounters();
  const snapshot = new LinuxSnapshot(counters);
  const reusable = previous instanceof LinuxSnapshot ? pidsUnchangedSince(previous.counters, counters) : void 0;
  for (const pid of listPids()) {
    const earlier = reusable?.(pid) ? previous.processes.get(pid) : void 0;
    if (earlier) {
      snapshot.processes.set(pid, earlier);
      if (previous.kernelThreads.has(pid)) snapshot.kernelThreads.add(pid);
      continue;
    }
    const stat2 = readStat(pid);
    if (!stat2) continue;
    snapshot.processes.set(pid, toProcessInfo(stat2));
    if (stat2.flags & PF_KTHREAD) snapshot.kernelThreads.add(pid);
  }
  if (reusable) carryEnvCache(previous, snapshot);
  return snapshot;
}
function pidsUnchangedSince(then, now) {
  if (!then || !now) return void 0;
  if (now.forks - then.forks >= Math.min(then.freePids, now.freePids) / 2) return void 0;
  if (now.forks === then.forks) return () => true;
  const { lastPid: from } = then;
  const { lastPid: to } = now;
  const handedOut2 = to >= from ? (pid) => pid > from && pid <= to : (pid) => pid > from || pid <= to;
  return (pid) => !handedOut2(pid);
}
function carryEnvCache(from, to) {
  for (const [pid, environ] of from.environs) {
    if (to.processes.get(pid) === from.processes.get(pid)) to.environs.set(pid, environ);
  }
}
var pidMax;
function readCounters() {
  pidMax ??= procShowsOurNamespace() ? Number(readProcBytes("/proc/sys/kernel/pid_max")?.toString("latin1")) : NaN;
  if (!(pidMax > 0)) return void 0;
  const forks = readForkCount();
  const loadavg = /(\d+)\/(\d+) (\d+)\s*$/.exec(readProcBytes("/proc/loadavg")?.toString("latin1") ?? "");
  if (forks === void 0 || !loadavg) return void 0;
  return { forks, lastPid: Number(loadavg[3]), freePids: pidMax - RESERVED_PIDS - Number(loadavg[2]) };
}
function procShowsOurNamespace() {
  try {
    return Number((0, import_node_fs10.readlinkSync)("/proc/self")) === process.pid;
  } catch {
    return false;
  }
}
function readForkCount() {
  const text = readProcBytes("/proc/stat")?.toString("latin1");
  const match = text === void 0 ? null : /^processes (\d+)$/m.exec(text);
  return match ? Number(match[1]) : void 0;
}
function environOf(pid, needles) {
  const environ = readEnviron(pid);
  return environ !== void 0 && environHolds(environ, needles);
}
function listPids() {
  const pids = [];
  for (const entry of (0, import_node_fs10.readdirSync)("/proc")) {
    const code = entry.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(entry));
  }
  return pids;
}
function toProcessInfo(stat2) {
  let command;
  return {
    pid: stat2.pid,
    ppid: stat2.ppid,
    pgid: stat2.pgid,
    sid: stat2.sid,
    startTime: stat2.startTime,
    zombie: isExitedState(stat2.state),
    get command() {
      command ??= (readStat(stat2.pid)?.startTime === stat2.startTime ? readCommandLine(stat2.pid) : void 0) ?? `[${stat2.comm}]`;
      return command;
    }
  };
}

// src/process/linux.ts
function createLinuxPlatform() {
  return {
    snapshot: takeLinuxSnapshot,
    findByEnv(vars) {
      const needles = envNeedles(vars);
      const found = [];
      for (const pid of listPids()) {
        if (!environOf(pid, needles)) continue;
        const stat2 = readStat(pid);
        if (stat2 && !isExitedState(stat2.state)) found.push(toProcessInfo(stat2));
      }
      return found;
    },
    isAlive(pid, startTime) {
      if (!processExists(pid)) return false;
      const stat2 = readStat(pid);
      if (!stat2 || isExitedState(stat2.state)) return false;
      return startTime === void 0 || stat2.startTime === startTime;
    },
    startTimeOf(pid) {
      return readStat(pid)?.startTime;
    },
    hasEnv(pid, vars) {
      return environOf(pid, envNeedles(vars));
    },
    findListeners: findLinuxListeners,
    findSocketListeners: findLinuxSocketListeners,
    usageOf: readLinuxUsage,
    childrenOf(pid) {
      const listed = readProcText(`/proc/${pid}/task/${pid}/children`);
      if (listed === void 0) return void 0;
      const children = { live: 0, exiting: 0 };
      for (const child of listed.split(" ")) {
        const stat2 = child === "" ? void 0 : readStat(Number(child));
        if (stat2) children[isExitingOrExited(stat2) ? "exiting" : "live"] += 1;
      }
      return children;
    }
  };
}

// src/process/unsupported.ts
function createUnsupportedPlatform(name) {
  const refuse = () => {
    throw new Error(`bgsvc: process control is unsupported on ${name} (Linux and macOS only)`);
  };
  return {
    snapshot: refuse,
    findByEnv: refuse,
    isAlive: refuse,
    hasEnv: refuse,
    startTimeOf: refuse,
    findListeners: refuse,
    findSocketListeners: refuse
  };
}

// src/process/platform.ts
var cached;
function currentPlatform() {
  cached ??= createPlatform(process.platform);
  return cached;
}
function createPlatform(name) {
  if (name === "linux") return createLinuxPlatform();
  if (name === "darwin") return createDarwinPlatform();
  return createUnsupportedPlatform(name);
}
function assertProcessControlSupported(name = process.platform) {
  if (name !== "linux" && name !== "darwin") {
    throw new Error(`bgsvc: process control is unsupported on ${name} (Linux and macOS only)`);
  }
}

// src/process/reaper.ts
var REAPER_SCRIPT = `
syscall($ARGV[0], 36, 1, 0, 0, 0);
my (undef, $getrusage, $waitid, $pid_at, $shell, $command, $exit_file, $cost_file) = @ARGV;
my @stop_signals = qw(HUP INT QUIT TERM USR1 USR2);
my $stopped = '';
$SIG{$_} = sub { $stopped ||= $_[0] } for @stop_signals;
my $pid = fork();
exit 127 unless defined $pid;
if ($pid == 0) {
  $SIG{$_} = 'DEFAULT' for @stop_signals;
  exec { $shell } $shell, '-c', $command;
  print STDERR "bgsvc: cannot run $shell: $!\\n";
  exit 127;
}
my $code = 0;
my $recorded = 0;
my $info = "\\0" x 128;
# 1 while waitid(WNOWAIT) works; should it fail otherwise than EINTR/ECHILD (a
# kernel without it), reap with waitpid as before: exit file after the reap.
my $peek = 1;
for (;;) {
  my ($child, $how, $status);
  if ($peek) {
    # P_ALL, WEXITED | WNOWAIT: the exited child stays a zombie until waitpid below.
    if (syscall($waitid, 0, 0, $info, 0x01000004, 0) == -1) {
      last if $!{ECHILD};
      $peek = 0 unless $!{EINTR};
      next;
    }
    ($how) = unpack('x8 i', $info);
    ($child, $status) = unpack("x$pid_at i x4 i", $info);
  } else {
    $child = waitpid(-1, 0);
    if ($child == -1) { last if $!{ECHILD}; next }
    ($how, $status) = ($? & 127) ? (2, $? & 127) : (1, $? >> 8);
  }
  if ($child == $pid && !$recorded) {
    # CLD_EXITED is 1; CLD_KILLED and CLD_DUMPED carry the signal's number.
    $code = $how == 1 ? $status : 128 + $status;
    if (!$stopped) {
      my $result = "exit $code";
      if ($how != 1) {
        require Config;
        my $name = (split ' ', $Config::Config{sig_name})[$status];
        $result = "signal $name" if defined $name;
      }
      write_whole($exit_file, "$result\\n");
    }
    $recorded = 1;
  }
  waitpid($child, 0) if $peek;
}
my $usage = "\\0" x 256;
if (syscall($getrusage, -1, $usage) == 0) {
  my ($user_s, $user_us, $system_s, $system_us, $max_rss_kb) = unpack('l!5', $usage);
  write_whole($cost_file, sprintf("tree %.0f %.0f\\n", ($user_s + $system_s) * 1e6 + $user_us + $system_us, $max_rss_kb));
}
if ($stopped) { $SIG{$stopped} = 'DEFAULT'; kill $stopped, $$ }
exit $code;
sub write_whole {
  my ($file, $text) = @_;
  my $temp = "$file.$$.tmp";
  if (open(my $out, '>', $temp)) { print $out $text; close $out; rename $temp, $file }
}
`;
var SYSCALLS = {
  x64: { prctl: 157, getrusage: 98, waitid: 247, siPid: 16 },
  arm64: { prctl: 167, getrusage: 165, waitid: 95, siPid: 16 },
  riscv64: { prctl: 167, getrusage: 165, waitid: 95, siPid: 16 },
  loong64: { prctl: 167, getrusage: 165, waitid: 95, siPid: 16 },
  arm: { prctl: 172, getrusage: 77, waitid: 280, siPid: 12 },
  ia32: { prctl: 172, getrusage: 77, waitid: 284, siPid: 12 },
  s390x: { prctl: 172, getrusage: 77, waitid: 281, siPid: 16 },
  ppc64: { prctl: 171, getrusage: 77, waitid: 272, siPid: 16 }
};
function reaperArgs(options, platform2 = process.platform, arch2 = process.arch) {
  const numbers = SYSCALLS[arch2];
  if (platform2 !== "linux" || numbers === void 0) return void 0;
  const { prctl, getrusage, waitid, siPid } = numbers;
  return ["-e", REAPER_SCRIPT, String(prctl), String(getrusage), String(waitid), String(siPid), options.shell, options.command, options.exitFile, costFileFor(options.exitFile)];
}

// src/process/shell.ts
var import_node_fs11 = require("node:fs");
var import_node_path2 = require("node:path");
function findOnPath(command, pathVar) {
  if (command.includes("/")) return isExecutable(command) ? command : void 0;
  for (const dir of pathVar.split(import_node_path2.delimiter)) {
    if (!dir) continue;
    const candidate = (0, import_node_path2.join)(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return void 0;
}
function isExecutable(path) {
  try {
    (0, import_node_fs11.accessSync)(path, import_node_fs11.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function resolveShell(configured, pathVar) {
  if (configured) return configured;
  return findOnPath("bash", pathVar ?? "") ?? "/bin/sh";
}
function shellLookup(inheritedPath) {
  return (shell, { cwd, path }) => findOnPath(shell.includes("/") ? (0, import_node_path2.resolve)(cwd, shell) : shell, path ?? inheritedPath ?? "") !== void 0;
}

// src/process/wrapper.ts
var WRAPPER_SCRIPT = `exec 3>&2 2>/dev/null
stopped=
for sig in HUP INT QUIT TERM USR1 USR2; do trap "stopped=$sig" "$sig"; done
cost_file=$4
cost() { { { echo children; times; } > "$cost_file.$$.tmp" && mv -f "$cost_file.$$.tmp" "$cost_file"; } 2>/dev/null; }
(exec 2>&3 3>&-; exec "$1" -c "$2")
status=$?
if [ -n "$stopped" ]; then cost; trap - "$stopped"; kill -s "$stopped" $$; exit "$status"; fi
result="exit $status"
if [ "$status" -gt 128 ] && name=$(kill -l "$((status - 128))" 2>/dev/null); then result="signal $name"; fi
{ printf '%s\\n' "$result" > "$3.$$.tmp" && mv -f "$3.$$.tmp" "$3"; } 2>/dev/null
cost
exit "$status"`;
function wrapperArgs(options) {
  return ["-c", WRAPPER_SCRIPT, `bgsvc[${options.name}]`, options.shell, options.command, options.exitFile, costFileFor(options.exitFile)];
}

// src/remove-file.ts
var import_node_fs12 = require("node:fs");
function removeFile(path) {
  try {
    (0, import_node_fs12.unlinkSync)(path);
  } catch (error2) {
    if (error2.code !== "ENOENT") throw error2;
  }
}

// src/process/launch.ts
function launchService(options) {
  assertProcessControlSupported();
  assertDirectory(options.cwd, options.name);
  const logFd = openLog(options.logFile, options.name);
  const wrapper = chooseWrapper(options);
  let child;
  try {
    removeFile(options.exitFile);
    removeFile(costFileFor(options.exitFile));
    child = childProcess().spawn(wrapper.file, wrapper.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", logFd, logFd]
    });
  } finally {
    (0, import_node_fs13.closeSync)(logFd);
  }
  child.on("error", () => {
  });
  const pid = child.pid;
  if (pid === void 0) throw new Error(`Could not start service "${options.name}": ${wrapper.file} failed to spawn`);
  let watcher;
  let watchLater;
  let ended = false;
  const exited = new Promise((resolve18) => {
    const done = (exit) => {
      if (ended) return;
      ended = true;
      stopWatching();
      resolve18(exit);
    };
    child.once("exit", (code, signal) => done(fromExitFile(options.exitFile) ?? { code, signal, atMs: Date.now() }));
    if (wrapper.reaper) {
      watchLater = setTimeout(() => {
        watcher = watchExitFile(options.exitFile, done);
        const exit = fromExitFile(options.exitFile);
        if (exit) done(exit);
      }, EXIT_WATCH_DELAY_MS);
      watchLater.unref();
    }
  });
  function stopWatching() {
    clearTimeout(watchLater);
    watcher?.close();
  }
  return {
    pid,
    reaper: wrapper.reaper,
    startTime: options.platform.startTimeOf(pid) ?? "",
    exited,
    release: () => {
      stopWatching();
      child.unref();
    }
  };
}
var EXIT_WATCH_DELAY_MS = 20;
var perlByPath = /* @__PURE__ */ new Map();
function chooseWrapper(options) {
  const args = reaperArgs(options);
  const pathVar = options.env.PATH ?? "";
  if (!perlByPath.has(pathVar)) perlByPath.set(pathVar, findOnPath("perl", pathVar) ?? findOnPath("perl", "/usr/bin:/bin"));
  const perl = perlByPath.get(pathVar);
  if (args && perl) return { file: perl, args, reaper: true };
  return { file: "/bin/sh", args: wrapperArgs(options), reaper: false };
}
function fromExitFile(exitFile) {
  const record = readExitFile(exitFile);
  return record && { code: record.code, signal: record.signal, atMs: record.atMs };
}
function watchExitFile(exitFile, onExit) {
  const name = (0, import_node_path3.basename)(exitFile);
  try {
    const watcher = (0, import_node_fs13.watch)((0, import_node_path3.dirname)(exitFile), { persistent: false }, (_event, file) => {
      if (file !== name) return;
      const exit = fromExitFile(exitFile);
      if (exit) onExit(exit);
    });
    watcher.on("error", () => {
    });
    return watcher;
  } catch {
    return void 0;
  }
}
function openLog(logFile, name) {
  try {
    return openFreshLog(logFile);
  } catch (error2) {
    const code = error2.code ?? "error";
    throw new Error(`Cannot open the log file of service "${name}" at ${logFile} (${code}): ${error2.message}`, {
      cause: error2
    });
  }
}
function assertDirectory(cwd, name) {
  let isDirectory2 = false;
  try {
    isDirectory2 = (0, import_node_fs13.statSync)(cwd).isDirectory();
  } catch (error2) {
    throw new Error(`The working directory of service "${name}" does not exist: ${cwd}`, { cause: error2 });
  }
  if (!isDirectory2) throw new Error(`The working directory of service "${name}" is not a directory: ${cwd}`);
}

// src/process/service-cost.ts
function measureServiceCost(sources) {
  return combineCost(readCostFile(sources.costFile), sources.atSignal ?? [], sources.wrapperPid);
}
function combineCost(wrapper, atSignal, wrapperPid) {
  if (wrapper?.scope === "tree") return { peakMemoryBytes: wrapper.peakMemoryBytes ?? null, cpuMs: wrapper.cpuMs, complete: true };
  let cpuMs = wrapper?.cpuMs ?? null;
  let peak = wrapper?.peakMemoryBytes ?? null;
  if (atSignal.length > 0) {
    let live = 0;
    for (const { pid, usage } of atSignal) {
      live += usage.reapedCpuMs + (pid === wrapperPid ? 0 : usage.cpuMs);
      if (pid !== wrapperPid && usage.peakMemoryBytes !== void 0) peak = Math.max(peak ?? 0, usage.peakMemoryBytes);
    }
    cpuMs = Math.max(cpuMs ?? 0, live);
  }
  if (cpuMs === null && peak === null) return void 0;
  return { peakMemoryBytes: peak, cpuMs, complete: false };
}

// src/process/tree.ts
function findOurProcesses(snapshot, rules) {
  const { processes } = snapshot;
  const { spared } = rules;
  const children = childrenByParent(processes);
  const ours = /* @__PURE__ */ new Map();
  const visited = /* @__PURE__ */ new Set();
  const adopt = (root) => {
    const queue = [root];
    for (let next = queue.pop(); next; next = queue.pop()) {
      if (spared.has(next.pid) || visited.has(next.pid)) continue;
      visited.add(next.pid);
      if (!next.zombie) ours.set(next.pid, next);
      for (const child of children.get(next.pid) ?? []) queue.push(child);
    }
  };
  const leader = rules.leader && processes.get(rules.leader.pid);
  const leaderVerified = leader !== void 0 && !leader.zombie && !spared.has(leader.pid) && isRecordedLeader(leader, snapshot, rules);
  if (leader && leaderVerified) adopt(leader);
  for (const recorded2 of rules.adopted ?? []) {
    const info2 = processes.get(recorded2.pid);
    if (info2 && !info2.zombie && recorded2.startTime !== "" && info2.startTime === recorded2.startTime) adopt(info2);
  }
  for (const info2 of processes.values()) {
    if (visited.has(info2.pid) || info2.zombie || spared.has(info2.pid)) continue;
    if (snapshot.envMatches(info2.pid, rules.cookie)) adopt(info2);
  }
  return { processes: ours, leaderVerified };
}
function isRecordedLeader(leader, snapshot, rules) {
  const recorded2 = rules.leader?.startTime ?? "";
  if (recorded2 !== "") return leader.startTime === recorded2;
  return snapshot.envMatches(leader.pid, rules.cookie);
}
function protectedPids(processes, selfPid) {
  const spared = /* @__PURE__ */ new Set([0, 1]);
  for (let pid = selfPid; pid !== void 0 && !spared.has(pid); pid = processes.get(pid)?.ppid) {
    spared.add(pid);
  }
  return spared;
}
function childrenByParent(processes) {
  const children = /* @__PURE__ */ new Map();
  for (const info2 of processes.values()) {
    const siblings = children.get(info2.ppid);
    if (siblings) siblings.push(info2);
    else children.set(info2.ppid, [info2]);
  }
  return children;
}

// src/process/stop-options.ts
var import_node_os3 = require("node:os");
function assertCookie(cookie) {
  const entries = Object.entries(cookie);
  if (entries.length === 0) throw new Error("Expected a cookie with at least one environment entry, got {}");
  for (const [key, value] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || typeof value !== "string" || value === "" || /[\0\s]/.test(value)) {
      throw new Error(`Expected cookie entries NAME=non-empty-value without spaces, got ${JSON.stringify(key)}=${JSON.stringify(value)}`);
    }
  }
}
function assertSignal(signal) {
  if (!Object.hasOwn(import_node_os3.constants.signals, signal)) throw new Error(`Expected a signal name such as SIGTERM, got ${JSON.stringify(signal)}`);
}
function assertGrace(graceMs) {
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error(`Expected graceMs to be a non-negative number, got ${graceMs}`);
}
function assertRecordedPid(pid) {
  if (!Number.isSafeInteger(pid) || pid <= 1) throw new Error(`Expected a recorded pid greater than 1, got ${pid}`);
}

// src/process/terminate.ts
var POLL_MS = { min: 5, max: 50 };
var RESCAN_MS = { min: 100, max: 1e3 };
var KILL_WAIT_MS = 2e3;
async function terminate(options) {
  const started = monotonicMs();
  const run2 = new Termination(options);
  run2.scan(options.signal);
  if (run2.foundNothing()) return run2.result(monotonicMs() - started);
  if (!await run2.waitUntilGone(started + options.graceMs, options.signal)) {
    run2.killPending();
    await run2.waitUntilGone(monotonicMs() + KILL_WAIT_MS, "SIGKILL");
  }
  if (run2.scan("SIGKILL") > 0) await run2.waitUntilGone(monotonicMs() + KILL_WAIT_MS, "SIGKILL");
  return run2.result(monotonicMs() - started);
}
var Termination = class {
  constructor(options) {
    this.options = options;
  }
  options;
  /** Set by the first scan: the protected pids come from the same snapshot. */
  rules;
  /** The last table read: a rescan re-reads only processes created since (see linux-snapshot.ts). */
  lastSnapshot;
  /** A scan found the recorded leader alive with its recorded identity. */
  leaderVerified = false;
  /** Every process found to be ours, by identity (`pid:startTime`). */
  found = /* @__PURE__ */ new Map();
  /** Found and not yet seen gone, by pid. */
  pending = /* @__PURE__ */ new Map();
  signalled = /* @__PURE__ */ new Set();
  /** Signals already sent to the leader's group. */
  groupSignals = /* @__PURE__ */ new Set();
  killed = /* @__PURE__ */ new Set();
  /** Pids that refused a signal with EPERM. */
  denied = /* @__PURE__ */ new Set();
  /** SIGKILL went to processes still alive when the grace period ended. */
  killedAtDeadline = false;
  usageAtSignal;
  // One pass over the table: sends `signal` to every process of ours that has
  // not had it yet. Returns how many were sent.
  scan(signal) {
    const { platform: platform2, sharedSnapshot } = this.options;
    const first = this.lastSnapshot === void 0;
    const verify = !first || sharedSnapshot !== void 0;
    this.lastSnapshot = first && sharedSnapshot ? sharedSnapshot() : platform2.snapshot(this.lastSnapshot);
    const snapshot = this.lastSnapshot;
    this.rules ??= {
      leader: this.options.leader,
      cookie: this.options.cookie,
      adopted: this.options.adopted,
      spared: protectedPids(snapshot.processes, process.pid)
    };
    const ours = findOurProcesses(snapshot, { ...this.rules, adopted: [...this.options.adopted ?? [], ...this.found.values()] });
    this.leaderVerified ||= ours.leaderVerified;
    for (const info2 of ours.processes.values()) this.track(info2);
    if (first && (signal === "SIGKILL" || !ours.leaderVerified)) this.measure(ours.processes.values());
    const group = ours.leaderVerified ? this.signalGroup(signal, verify) : void 0;
    let sent = 0;
    for (const info2 of ours.processes.values()) {
      if (this.hasHad(info2, signal)) continue;
      if (info2.pgid === group) {
        if (this.countGroupDelivery(info2, signal)) sent += 1;
        continue;
      }
      if (verify && !this.isStillAlive(info2.pid)) continue;
      if (this.deliver(info2, signal)) sent += 1;
    }
    return sent;
  }
  // The leader's group gets each signal once, in one call that also reaches
  // members forked after the snapshot. Once: a second SIGTERM makes many
  // programs skip their graceful shutdown, and re-runs a shell's trap.
  // Returns the group signalled now, if any.
  signalGroup(signal, recheck) {
    const { leader } = this.options;
    if (!leader || this.groupSignals.has(signal)) return void 0;
    if (recheck && !this.isStillAlive(leader.pid)) return void 0;
    this.groupSignals.add(signal);
    return sendSignal(-leader.pid, signal) === "sent" ? leader.pid : void 0;
  }
  // At the deadline, before any rescan: SIGKILL everything pending, each right
  // after checking its pid still has the start time it had when found (a long
  // grace on a busy machine is enough for pids to be reused).
  killPending() {
    const { leader } = this.options;
    const leaderAlive = leader !== void 0 && this.leaderVerified && this.isStillAlive(leader.pid);
    const alive = [...this.pending.values()].filter((info2) => this.isStillAlive(info2.pid));
    if (alive.length > 0) this.killedAtDeadline = true;
    if (this.usageAtSignal === void 0) this.measure(alive);
    for (const info2 of alive) this.deliver(info2, "SIGKILL");
    if (leader && leaderAlive && !this.groupSignals.has("SIGKILL")) {
      this.groupSignals.add("SIGKILL");
      sendSignal(-leader.pid, "SIGKILL");
    }
  }
  // Polls the pending set until it is empty or the deadline passes; periodic
  // rescans catch children forked meanwhile and signal them too.
  async waitUntilGone(deadline, signal) {
    const waitStarted = monotonicMs();
    let lastScan = waitStarted;
    let pause = POLL_MS.min;
    for (; ; ) {
      await sleep(Math.max(0, Math.min(pause, deadline - monotonicMs())));
      const checkStarted = monotonicMs();
      if (this.allGone()) return true;
      if (checkStarted >= deadline) return false;
      const waited = checkStarted - waitStarted;
      if (checkStarted - lastScan >= clamp(waited / 4, RESCAN_MS)) {
        this.scan(signal);
        lastScan = monotonicMs();
      }
      pause = Math.max(clamp(waited / 10, POLL_MS), monotonicMs() - checkStarted);
    }
  }
  foundNothing() {
    return this.found.size === 0;
  }
  result(ms) {
    for (const pid of [...this.pending.keys()]) this.isStillAlive(pid);
    return {
      found: this.found.size,
      signalled: this.signalled.size,
      killed: this.killed.size,
      survivors: [...this.pending.values()],
      denied: [...this.pending.keys()].filter((pid) => this.denied.has(pid)),
      escalated: this.killedAtDeadline,
      processes: [...this.found.values()],
      ...this.usageAtSignal && { usageAtSignal: this.usageAtSignal },
      ms
    };
  }
  measure(processes) {
    const { platform: platform2, measureUsage } = this.options;
    if (!measureUsage || !platform2.usageOf) return;
    this.usageAtSignal = [];
    for (const info2 of processes) {
      const usage = platform2.usageOf(info2.pid, info2.startTime);
      if (usage) this.usageAtSignal.push({ pid: info2.pid, usage });
    }
  }
  track(info2) {
    const id = identity(info2);
    if (this.found.has(id)) return;
    if (this.options.nameProcesses) void info2.command;
    this.found.set(id, info2);
    this.pending.set(info2.pid, info2);
  }
  // A stop signal of SIGKILL counts as the stop signal: nothing was escalated.
  sentSet(signal) {
    return signal === this.options.signal ? this.signalled : this.killed;
  }
  hasHad(info2, signal) {
    return this.sentSet(signal).has(identity(info2));
  }
  // A group member in the snapshot had the signal from the group call: counted
  // as delivered like a direct send, without a second signal.
  countGroupDelivery(info2, signal) {
    const sent = this.sentSet(signal);
    if (sent.has(identity(info2)) || this.pending.get(info2.pid)?.startTime !== info2.startTime) return false;
    sent.add(identity(info2));
    return true;
  }
  // Sends a signal once per process and kind; returns whether it was sent now.
  deliver(info2, signal) {
    const id = identity(info2);
    const sent = this.sentSet(signal);
    if (sent.has(id) || this.pending.get(info2.pid)?.startTime !== info2.startTime) return false;
    const outcome = sendSignal(info2.pid, signal);
    if (outcome === "gone") this.pending.delete(info2.pid);
    if (outcome === "denied") this.denied.add(info2.pid);
    if (outcome !== "sent") return false;
    sent.add(id);
    return true;
  }
  // Checks pending processes in the order they were found and stops at the
  // first one alive: that alone proves "not done yet". So each process is
  // checked about once after it dies, and while a TERM-ignoring tree waits out
  // its grace a poll costs one check instead of one per process.
  allGone() {
    for (const pid of this.pending.keys()) {
      if (this.isStillAlive(pid)) return false;
    }
    return true;
  }
  // Alive, not a zombie, and still the process we found; forgotten otherwise.
  isStillAlive(pid) {
    const info2 = this.pending.get(pid);
    if (info2 && this.options.platform.isAlive(pid, info2.startTime)) return true;
    this.pending.delete(pid);
    return false;
  }
};
function identity(info2) {
  return `${info2.pid}:${info2.startTime}`;
}
function clamp(value, range) {
  return Math.min(range.max, Math.max(range.min, value));
}

// src/process/stop-tree.ts
async function stopProcessTree(options) {
  assertRecordedPid(options.pid);
  assertCookie(options.cookie);
  assertSignal(options.signal);
  assertGrace(options.graceMs);
  return terminate({
    leader: { pid: options.pid, startTime: options.startTime },
    cookie: options.cookie,
    adopted: options.adopted,
    signal: options.signal,
    graceMs: options.graceMs,
    platform: options.platform,
    sharedSnapshot: options.sharedSnapshot,
    measureUsage: options.measureUsage
  });
}

// src/process/sweep.ts
async function sweepByCookie(options) {
  assertCookie(options.cookie);
  assertSignal(options.signal);
  assertGrace(options.graceMs);
  return terminate({
    cookie: options.cookie,
    adopted: options.adopted,
    signal: options.signal,
    graceMs: options.graceMs,
    platform: options.platform,
    sharedSnapshot: options.sharedSnapshot,
    nameProcesses: options.nameProcesses,
    measureUsage: options.measureUsage
  });
}

// src/process/snapshot-share.ts
function snapshotPerTurn(platform2) {
  let current;
  return () => {
    if (!current) {
      current = platform2.snapshot();
      setImmediate(() => {
        current = void 0;
      }).unref();
    }
    return current;
  };
}
function incrementalSnapshots(platform2) {
  let last;
  return () => {
    last = platform2.snapshot(last);
    return last;
  };
}

// src/process/run-command.ts
var CAPTURE_LIMIT = 4096;
function runCommand(options) {
  const started = monotonicMs();
  const output = options.outputFd ?? "pipe";
  const child = childProcess().spawn(options.shell, ["-c", options.command], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", output, output]
  });
  let captured = "";
  const capture = (chunk) => {
    captured = (captured + chunk.toString("utf8")).slice(-CAPTURE_LIMIT);
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  return new Promise((resolve18) => {
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const onAbort = () => killGroup();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    let settled = false;
    let exitTimer;
    const finish = (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(exitTimer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve18({ code, signal, timedOut, output: captured, ms: monotonicMs() - started });
    };
    child.on("error", (error2) => {
      captured += String(error2.message);
      finish(127, null);
    });
    child.on("close", (code, signal) => finish(code, signal));
    child.on("exit", (code, signal) => {
      exitTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish(code, signal);
      }, 50);
    });
  });
}

// src/process/ownership.ts
function leaderIdentity(service, platform2) {
  if (platform2.isAlive(service.pid, service.startTime || void 0) && platform2.hasEnv(service.pid, service.cookie)) return { kind: "ours" };
  if (!platform2.isAlive(service.pid)) return { kind: "gone" };
  const reused = service.startTime !== "" && platform2.startTimeOf(service.pid) !== service.startTime;
  return { kind: "stranger", why: reused ? "reused" : "no-cookie" };
}
function verifiedAdopted(service, platform2) {
  return (service.adopted ?? []).filter((holder) => {
    if (!platform2.isAlive(holder.pid, holder.startTime)) return false;
    const holders = holder.port !== void 0 ? platform2.findListeners(holder.port, holder.startTime) : holder.socket !== void 0 ? platform2.findSocketListeners(holder.socket, holder.startTime) : [];
    return holders.some((listener) => listener.pid === holder.pid);
  });
}
function carriesCookie(snapshot, cookie) {
  for (const info2 of snapshot.processes.values()) {
    if (!info2.zombie && snapshot.envMatches(info2.pid, cookie)) return true;
  }
  return false;
}
function countLeftBehind(wrapper, cookie, platform2) {
  const table = platform2.snapshot();
  let left = 0;
  for (const info2 of table.processes.values()) {
    if (info2.zombie || info2.pid === wrapper) continue;
    if (info2.ppid === wrapper || table.envMatches(info2.pid, cookie)) left += 1;
  }
  return left;
}
function findTargetHolders(options) {
  const { platform: platform2, targets } = options;
  if (targets.length === 0) return [];
  if (!anySuspect(options.table(), options.startedAfter, options.runCookie)) return [];
  const since = options.startedAfter || void 0;
  const holders = targets.flatMap(
    (target) => target.kind === "tcp" ? platform2.findListeners(target.port, since).map((holder) => ({ ...holder, port: target.port })) : platform2.findSocketListeners(target.path, since).map((holder) => ({ ...holder, socket: target.path }))
  );
  const adopted = /* @__PURE__ */ new Map();
  for (const { pid, command, port, socket } of holders) {
    if (pid === process.pid || adopted.has(pid)) continue;
    const startTime = platform2.startTimeOf(pid);
    if (!startTime || startedBefore(startTime, options.startedAfter)) continue;
    if (platform2.hasEnv(pid, options.cookie)) continue;
    adopted.set(pid, { pid, startTime, command: command.replace(/\s+/g, " ").trim(), ...port !== void 0 ? { port } : {}, ...socket !== void 0 ? { socket } : {} });
  }
  return [...adopted.values()];
}
function anySuspect(table, startedAfter, runCookie) {
  if (!/^\d+$/.test(startedAfter)) return true;
  const since = Number(startedAfter);
  for (const info2 of table.processes.values()) {
    if (info2.zombie || info2.pid === process.pid || !(Number(info2.startTime) >= since)) continue;
    if (!table.envMatches(info2.pid, runCookie)) return true;
  }
  return false;
}
function startedBefore(startTime, reference) {
  if (!/^\d+$/.test(startTime) || !/^\d+$/.test(reference)) return false;
  return Number(startTime) < Number(reference);
}

// src/process/run-holders.ts
function runServiceHolding(target, run2, platform2) {
  const holders = target.kind === "tcp" ? platform2.findListeners(target.port) : platform2.findSocketListeners(target.path);
  if (holders.length > 0) {
    const owners = holders.map(
      ({ pid }) => run2.services.find(
        (service) => platform2.hasEnv(pid, { BGSVC_ID: run2.runId, BGSVC_SERVICE: service.name }) || (service.adopted ?? []).some((holder) => holder.pid === pid && platform2.isAlive(pid, holder.startTime)) || recorded(service, target) && startedSince(platform2.startTimeOf(pid), service.startTime)
      )
    );
    return owners.every((owner) => owner !== void 0) ? owners[0].name : void 0;
  }
  return run2.services.find((service) => recorded(service, target))?.name;
}
function recorded(service, target) {
  return (service.listeners ?? []).some((listener) => sameTarget(listener, target));
}
function startedSince(startTime, reference) {
  if (!startTime || !/^\d+$/.test(startTime) || !/^\d+$/.test(reference)) return false;
  return Number(startTime) >= Number(reference);
}
function sameTarget(a, b) {
  if (a.kind === "tcp" && b.kind === "tcp") return a.port === b.port;
  return a.kind === "socket" && b.kind === "socket" && a.path === b.path;
}

// src/state/schema.ts
var STATE_SCHEMA = "bgsvc-state";
var STATE_VERSION = 1;

// src/state/outcomes.ts
function leftRunning(outcome) {
  return outcome.kind === "survivors" || outcome.kind === "still-listening";
}

// src/state/store.ts
var import_node_fs15 = require("node:fs");
var import_node_os4 = require("node:os");
var import_node_path5 = require("node:path");

// src/state/dir-safety.ts
var import_node_fs14 = require("node:fs");
var import_node_path4 = require("node:path");
var UnsafeDirError = class extends Error {
  constructor(unsafe) {
    super(describeUnsafeDir(unsafe));
    this.unsafe = unsafe;
  }
  unsafe;
  name = "UnsafeDirError";
};
function describeUnsafeDir(unsafe) {
  const fix = unsafe.origin === "user" ? "choose a dir that you own and only you can write to (BGSVC_STATE_DIR, --log-dir, or the action's log-dir input), for example under $HOME or $RUNNER_TEMP" : "set BGSVC_STATE_DIR to a dir that you own and only you can write to, for example under $HOME or $RUNNER_TEMP";
  return `refusing the ${unsafe.role} ${unsafe.path}: ${unsafe.problem}. Another user could read your services' logs, or plant a state file whose stop command you would run; ${fix}. Nothing was started or signalled.`;
}
function formatMode(mode) {
  return (mode & 4095).toString(8).padStart(4, "0");
}
function assertSafeLocation(location, options) {
  const uid = process.getuid?.();
  if (uid === void 0) return;
  const trusted = trustedOwners(uid, location.cwd);
  const origin = location.origin ?? { stateDir: "default", logDir: "default" };
  const dirs = [
    { path: (0, import_node_path4.resolve)(location.stateDir), role: "state dir", origin: origin.stateDir, sticky: false },
    // The sh wrapper writes `<run>/<name>.exit` through `$3.$$.tmp` + mv: safe
    // because this dir is owner-only (checked here), so nobody else can plant
    // that predictable temp name.
    { path: (0, import_node_path4.resolve)(location.stateDir, "run"), role: "run dir", origin: origin.stateDir, sticky: false },
    // A sticky log dir (/tmp itself) is fine: every log is created fresh with
    // O_EXCL | O_NOFOLLOW, and the sticky bit stops others renaming ours.
    { path: (0, import_node_path4.resolve)(location.logDir), role: "log dir", origin: origin.logDir, sticky: true }
  ];
  for (const dir of dirs) {
    const above = findUnsafeAncestor(dir.path, trusted);
    if (above) throw new UnsafeDirError({ ...above, path: dir.path, role: dir.role, origin: dir.origin });
    if (options.create) makePrivateDirs(dir.path);
    const problem = inspectDir(dir.path, { uid, allowSticky: dir.sticky });
    if (problem) throw new UnsafeDirError({ ...problem, path: dir.path, role: dir.role, origin: dir.origin });
  }
}
function assertSafeStateDir(stateDir) {
  const uid = process.getuid?.();
  if (uid === void 0) return;
  const problem = inspectDir(stateDir, { uid, allowSticky: false });
  if (problem) throw new UnsafeDirError({ ...problem, path: stateDir, role: "state dir", origin: "default" });
}
function inspectDir(path, rules) {
  let stats;
  try {
    stats = (0, import_node_fs14.lstatSync)(path, { throwIfNoEntry: false });
  } catch (error2) {
    return { problem: `it cannot be inspected (${error2.code ?? error2.message})` };
  }
  if (!stats) return void 0;
  const mode = stats.mode & 4095;
  const found = { ownerUid: stats.uid, mode };
  const facts = `owner uid ${stats.uid}, mode ${formatMode(mode)}`;
  if (stats.isSymbolicLink()) return { ...found, problem: `it is a symbolic link (${facts}), which can be re-pointed at any time` };
  if (!stats.isDirectory()) return void 0;
  const sticky = (stats.mode & 512) !== 0;
  const othersWrite = (stats.mode & 18) !== 0;
  const stickyShared = rules.allowSticky && sticky && (stats.uid === rules.uid || stats.uid === 0);
  if (stats.uid !== rules.uid && !stickyShared) {
    return { ...found, problem: `it belongs to uid ${stats.uid}, not to you (uid ${rules.uid}); mode ${formatMode(mode)}` };
  }
  if (othersWrite && !stickyShared) {
    const why = rules.allowSticky ? "others can write to it and it is not sticky" : "others can write to it";
    return { ...found, problem: `${why} (${facts})` };
  }
  return void 0;
}
function findUnsafeAncestor(path, trusted, depth = 0) {
  const { root } = (0, import_node_path4.parse)(path);
  let current = root;
  for (const part of (0, import_node_path4.dirname)(path).slice(root.length).split("/").filter(Boolean)) {
    current = (0, import_node_path4.join)(current, part);
    let stats;
    try {
      stats = (0, import_node_fs14.lstatSync)(current, { throwIfNoEntry: false });
    } catch {
      stats = void 0;
    }
    if (!stats) return void 0;
    if (!trusted.has(stats.uid)) return foreignAbove(current, stats);
    if (stats.isSymbolicLink() && depth < 8) {
      let target;
      try {
        target = (0, import_node_fs14.realpathSync)(current);
      } catch {
        return void 0;
      }
      const above = findUnsafeAncestor((0, import_node_path4.join)(target, "."), trusted, depth + 1) ?? checkOwner(target, trusted);
      if (above) return above;
    }
  }
  return void 0;
}
function checkOwner(path, trusted) {
  const stats = (0, import_node_fs14.lstatSync)(path);
  return trusted.has(stats.uid) ? void 0 : foreignAbove(path, stats);
}
function foreignAbove(path, stats) {
  const mode = stats.mode & 4095;
  return {
    ownerUid: stats.uid,
    mode,
    problem: `${path} above it belongs to uid ${stats.uid} (mode ${formatMode(mode)}), who could swap what is inside`
  };
}
function trustedOwners(uid, cwd) {
  const trusted = /* @__PURE__ */ new Set([uid, 0]);
  if (cwd !== void 0) {
    try {
      trusted.add((0, import_node_fs14.statSync)(cwd).uid);
    } catch {
    }
  }
  return trusted;
}
function makePrivateDirs(path) {
  const missing = [];
  for (let current = path; !exists(current); current = (0, import_node_path4.dirname)(current)) {
    missing.unshift(current);
    if ((0, import_node_path4.dirname)(current) === current) break;
  }
  for (const dir of missing) {
    try {
      (0, import_node_fs14.mkdirSync)(dir, { mode: 448 });
    } catch (error2) {
      if (error2.code === "EEXIST") continue;
      return;
    }
    (0, import_node_fs14.chmodSync)(dir, 448);
  }
}
function exists(path) {
  try {
    return (0, import_node_fs14.lstatSync)(path, { throwIfNoEntry: false }) !== void 0;
  } catch {
    return false;
  }
}

// src/state/store.ts
var STATE_FILE_NAME = "state.json";
function stateFilePath(stateDir) {
  return (0, import_node_path5.join)(stateDir, STATE_FILE_NAME);
}
function ensurePrivateDir(dir) {
  const created = (0, import_node_fs15.mkdirSync)(dir, { recursive: true, mode: 448 });
  if (created === void 0) return;
  try {
    (0, import_node_fs15.chmodSync)(dir, 448);
  } catch {
  }
}
function writeState(state) {
  ensurePrivateDir(state.stateDir);
  writeAtomically(stateFilePath(state.stateDir), `${JSON.stringify(state, null, 2)}
`);
}
function envFilePath(stateDir) {
  return (0, import_node_path5.join)(stateDir, "env");
}
function writeEnvFile(stateDir, text) {
  if (text === void 0) removeFile(envFilePath(stateDir));
  else writeAtomically(envFilePath(stateDir), text);
}
function writeAtomically(target, text) {
  const temp = `${target}.${randomHex(8)}.tmp`;
  try {
    (0, import_node_fs15.writeFileSync)(temp, text, { mode: 384, flag: "wx" });
    (0, import_node_fs15.renameSync)(temp, target);
  } catch (error2) {
    removeFile(temp);
    throw error2;
  }
}
function readState(stateDir) {
  const path = stateFilePath(stateDir);
  assertSafeStateDir(stateDir);
  let text;
  try {
    text = readOwnFile(path);
  } catch (error2) {
    if (error2 instanceof UnsafeDirError) throw error2;
    const code = error2.code;
    if (code === "ENOENT") return { kind: "missing", path };
    const problem2 = code === "ELOOP" ? "it is a symbolic link, and bgsvc never writes one" : error2.message;
    return { kind: "invalid", path, problem: problem2, id: void 0 };
  }
  const id = /"id"\s*:\s*"([A-Za-z0-9_-]{8,64})"/.exec(text)?.[1];
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: "invalid", path, problem: "it is not valid JSON (truncated or corrupted)", id };
  }
  const problem = checkShape(parsed);
  if (problem) return { kind: "invalid", path, problem, id };
  return { kind: "ok", path, state: { ...parsed, stateDir } };
}
function readOwnFile(path) {
  const fd = (0, import_node_fs15.openSync)(path, import_node_fs15.constants.O_RDONLY | import_node_fs15.constants.O_NOFOLLOW);
  try {
    const stats = (0, import_node_fs15.fstatSync)(fd);
    const uid = process.getuid?.();
    if (uid !== void 0 && stats.uid !== uid) {
      throw new UnsafeDirError({
        path: (0, import_node_path5.join)(path, ".."),
        role: "state dir",
        origin: "default",
        problem: `its state.json belongs to uid ${stats.uid}, not to you (uid ${uid})`,
        ownerUid: stats.uid,
        mode: stats.mode & 4095
      });
    }
    return (0, import_node_fs15.readFileSync)(fd, "utf8");
  } finally {
    (0, import_node_fs15.closeSync)(fd);
  }
}
function checkShape(value) {
  if (typeof value !== "object" || value === null) return "it is not a JSON object";
  const record = value;
  if (record.schema !== STATE_SCHEMA) return `it is not a bgsvc state file (schema ${JSON.stringify(record.schema)})`;
  if (record.version !== STATE_VERSION) {
    return `it has state version ${JSON.stringify(record.version)}; this bgsvc reads version ${STATE_VERSION}`;
  }
  if (typeof record.id !== "string" || !Array.isArray(record.services)) return "it lacks an id or a services list";
  if (!COOKIE_ID.test(record.id)) return `its id ${JSON.stringify(record.id.slice(0, 80))} is not one bgsvc writes`;
  for (const service of record.services) {
    const s = service;
    if (typeof s?.name !== "string" || typeof s.pid !== "number" || typeof s.startTime !== "string") {
      return "a service entry lacks its name, pid or start time";
    }
    const problem = checkServiceRecord(s);
    if (problem) return `service ${JSON.stringify(String(s.name).slice(0, 80))}: ${problem}`;
  }
  return void 0;
}
var COOKIE_ID = /^[A-Za-z0-9_-]{8,64}$/;
var SERVICE_NAME = /^[A-Za-z0-9._-]{1,64}$/;
var MAX_PID = 2 ** 31 - 1;
function checkServiceRecord(s) {
  if (!SERVICE_NAME.test(s.name)) return "the name is not one bgsvc accepts";
  if (!isPid(s.pid)) return `pid ${String(s.pid)} is not a process id`;
  if (s.stopSignal !== void 0 && !(typeof s.stopSignal === "string" && Object.hasOwn(import_node_os4.constants.signals, s.stopSignal))) {
    return `stop signal ${JSON.stringify(s.stopSignal)} is not a signal`;
  }
  const grace = s.stopTimeoutMs;
  if (grace !== void 0 && !(typeof grace === "number" && Number.isFinite(grace) && grace >= 0)) {
    return `stop timeout ${JSON.stringify(grace)} is not a duration`;
  }
  if (s.listeners !== void 0) {
    if (!Array.isArray(s.listeners)) return "its listeners are not a list";
    for (const listener of s.listeners) {
      const tcp = listener?.kind === "tcp" && typeof listener.host === "string" && LOOPBACK.test(listener.host) && isPort(listener.port);
      const socket = listener?.kind === "socket" && typeof listener.path === "string" && listener.path.startsWith("/");
      if (!tcp && !socket) return "a listener is not a loopback port or an absolute socket path";
    }
  }
  if (s.adopted !== void 0) {
    if (!Array.isArray(s.adopted)) return "its adopted processes are not a list";
    for (const holder of s.adopted) {
      const ok = isPid(holder?.pid) && typeof holder?.startTime === "string" && holder.startTime !== "";
      if (!ok) return "an adopted process lacks a valid pid or start time";
    }
  }
  return void 0;
}
var LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|0\.0\.0\.0|::|\[::\])$/i;
function isPort(value) {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}
function isPid(value) {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_PID;
}

// src/state/lock.ts
var import_node_fs16 = require("node:fs");
var import_node_path6 = require("node:path");
var POLL_MS2 = 20;
async function withStateLock(options, work) {
  const path = (0, import_node_path6.join)(options.stateDir, "lock");
  const deadline = monotonicMs() + options.timeoutMs;
  let told = false;
  for (; ; ) {
    const holder = tryAcquire(path, options.self);
    if (holder === void 0) break;
    if (!holder || !options.isAlive(holder)) {
      removeFile(path);
      continue;
    }
    if (monotonicMs() >= deadline) {
      throw new Error(`another bgsvc (pid ${holder.pid}) has held ${path} for over ${options.timeoutMs} ms`);
    }
    if (!told) options.onWait?.(holder);
    told = true;
    await sleep(POLL_MS2);
  }
  try {
    return await work();
  } finally {
    removeFile(path);
  }
}
function tryAcquire(path, self) {
  const temp = `${path}.${randomHex(8)}.tmp`;
  (0, import_node_fs16.writeFileSync)(temp, JSON.stringify(self), { mode: 384, flag: "wx" });
  try {
    (0, import_node_fs16.linkSync)(temp, path);
    return void 0;
  } catch (error2) {
    if (error2.code !== "EEXIST") throw error2;
  } finally {
    removeFile(temp);
  }
  try {
    const holder = JSON.parse((0, import_node_fs16.readFileSync)(path, "utf8"));
    return typeof holder.pid === "number" ? holder : null;
  } catch {
    return null;
  }
}

// src/state/batched-write.ts
function batchedStateWriter(state, write = writeState) {
  let next;
  return () => {
    next ??= new Promise((resolve18, reject) => {
      setImmediate(() => {
        next = void 0;
        try {
          write(state);
          resolve18();
        } catch (error2) {
          reject(error2);
        }
      });
    });
    return next;
  };
}

// src/state/service-store.ts
var ServiceStore = class _ServiceStore {
  constructor(file, write) {
    this.file = file;
    this.write = write;
    this.persist = batchedStateWriter(file, write);
  }
  file;
  write;
  persist;
  /** A new start's state, on disk before anything is launched. */
  static create(fields, write = writeState) {
    const store = new _ServiceStore({ schema: "bgsvc-state", version: 1, ...fields, complete: false, services: [] }, write);
    store.writeNow();
    return store;
  }
  /** A state read from disk (readState's `ok`), to stop or report on. */
  static of(state, write = writeState) {
    return new _ServiceStore(state, write);
  }
  get state() {
    return this.file;
  }
  service(name) {
    return this.file.services.find((record) => record.name === name);
  }
  /**
   * Its wrapper was spawned: recorded at once, so a crash of bgsvc from here on cannot lose it. `order`: config order, for reading.
   * A relaunch (its chosen port was taken before it could bind) replaces the first attempt, which exited leaving nothing.
   */
  launched(record, order) {
    this.file.services = this.file.services.filter((entry) => entry.name !== record.name);
    this.file.services.push(record);
    this.file.services.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    return this.persist();
  }
  /** Its probes passed (or it outlived its settle time). */
  ready(name, found) {
    const record = this.mutable(name);
    record.readyAt = found.at;
    if (found.exports !== void 0) record.exports = found.exports;
    if (found.listeners.length > 0) record.listeners = found.listeners;
    if (found.adopted.length > 0) record.adopted = found.adopted;
    if (found.daemonized !== void 0) record.daemonized = found.daemonized;
    return this.persist();
  }
  /** Its own start failed: it is a culprit. */
  startFailed(name, failure) {
    this.mutable(name).startFailure = failure;
    return this.persist();
  }
  /** How the whole start ended, written before anything is stopped because of it. */
  startFinished(result) {
    this.file.startResult = result;
    if (result.outcome === "ready") this.file.complete = true;
    this.writeNow();
  }
  /** Bgsvc began stopping it: on disk before any signal, so a stop cut short never reads as a death during the job. */
  stopping(name, at) {
    this.mutable(name).stoppingAt = at;
    return this.persist();
  }
  /** What its processes cost, measured by its stop (before the outcome is recorded). */
  costMeasured(name, cost) {
    this.mutable(name).cost = cost;
    return this.persist();
  }
  /** How its stop ended. Something left running keeps it unstopped: the next stop tries again and says so again. */
  stopped(name, outcome, at) {
    const record = this.mutable(name);
    record.stopOutcome = outcome;
    if (leftRunning(outcome)) {
      record.stopFailed = true;
    } else {
      record.stoppedAt = at;
      delete record.stopFailed;
    }
    return this.persist();
  }
  /** Every service is verified gone: the run is over. */
  allStopped(at) {
    if (this.file.stoppedAt !== void 0 || !this.file.services.every((record) => record.stoppedAt !== void 0)) return;
    this.file.stoppedAt = at;
    this.writeNow();
  }
  mutable(name) {
    const record = this.file.services.find((entry) => entry.name === name);
    if (!record) throw new Error(`bgsvc: no service "${name}" in ${this.file.stateDir}`);
    return record;
  }
  writeNow() {
    this.write(this.file);
  }
};

// src/report/exported-env.ts
init_names();
function exportedVariables(state) {
  const variables = {};
  if (state.stoppedAt !== void 0) return variables;
  for (const record of state.services) {
    if (record.readyAt === void 0 || record.stoppedAt !== void 0) continue;
    if (record.port !== void 0) variables[portVariable(record.name)] = String(record.port);
    Object.assign(variables, record.exports);
  }
  return variables;
}
function formatVariables(variables, format) {
  const entries = Object.entries(variables);
  switch (format) {
    case "json":
      return `${JSON.stringify(variables, null, 2)}
`;
    case "dotenv":
      return entries.map(([name, value]) => `${name}=${dotenvValue(value)}
`).join("");
    case "sh":
      return entries.map(([name, value]) => `export ${name}=${shellQuote(value)}
`).join("");
  }
}
function shellQuote(value) {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
function dotenvValue(value) {
  if (/^[\w@%+=:,./?&-]*$/.test(value)) return value;
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n").replaceAll("$", "\\$")}"`;
}

// src/app/env-file.ts
function refreshEnvFile(state) {
  writeEnvFile(state.stateDir, state.stoppedAt === void 0 ? formatVariables(exportedVariables(state), "sh") : void 0);
}

// src/app/launch-and-wait.ts
var import_node_path13 = require("node:path");
init_duration();

// src/probes/time.ts
function describeError(error2) {
  if (error2 instanceof Error) {
    const code = error2.code;
    return typeof code === "string" && code.length > 0 ? code : error2.message;
  }
  return String(error2);
}
function formatMs(ms) {
  return `${Math.round(ms)} ms`;
}

// src/probes/cmd.ts
var ATTEMPT_TIMEOUT_MS = 5e3;
var RETRY_DELAY_MS = 100;
var runCmdProbe = async (probe, context) => {
  for (; ; ) {
    context.signal.throwIfAborted();
    const timeoutMs = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, context.deadline - monotonicMs()));
    const result = await runCommand({
      shell: context.shell,
      command: probe.command,
      cwd: context.cwd,
      env: context.env,
      timeoutMs,
      signal: context.signal
    });
    await sleep(0);
    if (result.code === 0 && !result.timedOut) return;
    context.reportError(describeFailure(result, context.signal.aborted));
    await sleep(RETRY_DELAY_MS, context.signal);
  }
};
function describeFailure(result, aborted) {
  const line = lastLine(result.output);
  const suffix = line ? `: ${line}` : "";
  if (result.timedOut) return `no exit after ${formatMs(result.ms)}${suffix}`;
  if (aborted) return `still running after ${formatMs(result.ms)}${suffix}`;
  if (result.code !== null) return `exit ${result.code}${suffix}`;
  return `killed by ${result.signal ?? "a signal"}${suffix}`;
}
var MAX_LINE_CHARS = 200;
function lastLine(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  const last = lines.filter((line) => line.length > 0).at(-1) ?? "";
  return last.length > MAX_LINE_CHARS ? `${last.slice(0, MAX_LINE_CHARS - 1)}…` : last;
}

// src/probes/delay.ts
var runDelayProbe = (probe, context) => sleep(probe.ms, context.signal);

// src/probes/file.ts
var import_node_fs18 = require("node:fs");
var import_node_path8 = require("node:path");

// src/probes/watch.ts
var import_node_fs17 = require("node:fs");
var import_node_path7 = require("node:path");
function waitForCheck(options) {
  const { signal } = options;
  const dir = (0, import_node_path7.dirname)(options.path);
  const name = (0, import_node_path7.basename)(options.path);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve18, reject) => {
    let watcher;
    let running = false;
    let again = false;
    let finished = false;
    const finish = (error2) => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      watcher?.close();
      watcher = void 0;
      signal.removeEventListener("abort", onAbort);
      if (error2 === void 0) resolve18();
      else reject(error2);
    };
    const trigger = () => {
      if (finished) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      again = false;
      options.check().then(
        (passed) => {
          running = false;
          if (passed) finish();
          else if (signal.aborted) finish(signal.reason);
          else if (again) trigger();
        },
        (error2) => {
          running = false;
          finish(signal.aborted ? signal.reason : error2);
        }
      );
    };
    const startWatching = () => {
      if (watcher || finished) return;
      try {
        watcher = (0, import_node_fs17.watch)(dir, (_event, filename) => {
          if (filename === null || filename === name) trigger();
        });
        watcher.on("error", () => {
          watcher?.close();
          watcher = void 0;
        });
      } catch {
      }
    };
    const onAbort = () => {
      if (!running) finish(signal.reason);
    };
    const poll = setInterval(() => {
      startWatching();
      trigger();
    }, options.pollMs);
    signal.addEventListener("abort", onAbort, { once: true });
    startWatching();
    trigger();
  });
}

// src/probes/file.ts
var FILE_POLL_MS = 100;
var runFileProbe = (probe, context) => {
  const path = (0, import_node_path8.resolve)(context.cwd, probe.path);
  if (!context.signal.aborted && (0, import_node_fs18.existsSync)(path)) return Promise.resolve();
  return waitForCheck({
    path,
    pollMs: FILE_POLL_MS,
    signal: context.signal,
    check: async () => {
      const error2 = await new Promise((settle) => (0, import_node_fs18.stat)(path, settle));
      if (error2) context.reportError(describeError(error2));
      return error2 === null;
    }
  });
};

// src/probes/hosts.ts
function stripBrackets(host) {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
function probeAddresses(host) {
  const bare = stripBrackets(host).toLowerCase();
  if (bare === "localhost") return ["127.0.0.1", "::1"];
  if (bare === "0.0.0.0" || bare === "") return ["127.0.0.1"];
  if (bare === "::") return ["::1"];
  return [bare];
}
function isLoopbackHost(host) {
  const bare = stripBrackets(host).toLowerCase();
  if (bare === "localhost" || bare === "0.0.0.0" || bare === "::") return true;
  if (net().isIPv4(bare)) return bare.startsWith("127.");
  if (net().isIPv6(bare)) return ["[::1]", "[::ffff:7f00:1]"].includes(new URL(`http://[${bare}]/`).hostname);
  return false;
}

// src/probes/abort.ts
function linkAbort(parent) {
  const controller = new AbortController();
  const follow = () => controller.abort(parent.reason);
  if (parent.aborted) follow();
  else parent.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    dispose: () => parent.removeEventListener("abort", follow)
  };
}

// src/probes/poll.ts
function retryDelayMs(elapsedMs) {
  if (elapsedMs < 3e3) return 10;
  if (elapsedMs < 1e4) return 25;
  return 50;
}
async function pollUntilSuccess(attempt, context) {
  const started = monotonicMs();
  for (; ; ) {
    context.signal.throwIfAborted();
    const attemptStarted = monotonicMs();
    const failure = await attempt(context.signal);
    if (failure === void 0) return;
    context.reportError(failure);
    const spent = monotonicMs() - attemptStarted;
    await sleep(Math.max(0, retryDelayMs(attemptStarted - started) - spent), context.signal);
  }
}
function attemptAny(addresses, attemptOne) {
  if (addresses.length === 1) return (signal) => attemptOne(addresses[0], signal);
  return async (signal) => {
    const link = linkAbort(signal);
    try {
      let succeeded = false;
      const failures = await Promise.all(
        addresses.map(async (address) => {
          const failure = await attemptOne(address, link.signal);
          if (failure === void 0) {
            succeeded = true;
            link.abort();
          }
          return failure;
        })
      );
      if (succeeded) return void 0;
      return combineFailures(addresses, failures);
    } finally {
      link.dispose();
    }
  };
}
function combineFailures(addresses, failures) {
  const distinct = new Set(failures);
  if (distinct.size === 1) return failures[0] ?? "failed";
  return addresses.map((address, index) => `${address}: ${failures[index]}`).join(", ");
}

// src/probes/http.ts
var REQUEST_TIMEOUT_MS = 2e3;
function parseProbeUrl(text) {
  return new URL(text.replace(/^(https?)-get:/i, "$1:"));
}
function acceptStatus(status) {
  if (status === void 0 || status.length === 0) return (code) => code >= 200 && code <= 399;
  const allowed = new Set(status);
  return (code) => allowed.has(code);
}
var runHttpProbe = async (probe, context) => {
  const url = parseProbeUrl(probe.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`unsupported protocol ${JSON.stringify(url.protocol)} in ${JSON.stringify(probe.url)}`);
  }
  const target = { url, method: probe.method, headers: probe.headers, accept: acceptStatus(probe.status) };
  await pollUntilSuccess(
    attemptAny(probeAddresses(url.hostname), (address, signal) => requestOnce(target, address, signal)),
    context
  );
};
function requestOnce(target, address, signal) {
  const started = monotonicMs();
  if (signal.aborted) return Promise.resolve(`no response after ${formatMs(0)}`);
  const { url } = target;
  const secure = url.protocol === "https:";
  return new Promise((resolve18) => {
    let failure = "closed without a response";
    let answered = false;
    let gaveUp = false;
    let request;
    try {
      request = (secure ? https() : http()).request({
        host: stripBrackets(address),
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: target.method,
        // The Host header stays as written even when `localhost` is dialled as
        // 127.0.0.1 or ::1: virtual hosts and dev servers check it.
        headers: { host: url.host, ...target.headers },
        auth: url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : void 0,
        agent: false,
        // Readiness only, like the wait-on package's default: CI services
        // commonly use self-signed certificates, and no data is exchanged.
        rejectUnauthorized: false
      });
    } catch (error2) {
      resolve18(describeError(error2));
      return;
    }
    const giveUp = () => {
      gaveUp = true;
      if (!answered) failure = `no response after ${formatMs(monotonicMs() - started)}`;
      request.destroy();
    };
    const timer = setTimeout(giveUp, REQUEST_TIMEOUT_MS);
    signal.addEventListener("abort", giveUp, { once: true });
    request.on("response", (response) => {
      answered = true;
      const status = response.statusCode ?? 0;
      failure = target.accept(status) ? void 0 : `HTTP ${status}`;
      response.on("error", () => {
      });
      request.destroy();
    });
    request.on("error", (error2) => {
      if (!answered && !gaveUp) failure = describeError(error2);
    });
    request.once("close", () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", giveUp);
      resolve18(failure);
    });
    request.end();
  });
}

// src/probes/log.ts
var import_node_path9 = require("node:path");

// src/probes/log-scanner.ts
var import_node_fs19 = require("node:fs");
var import_node_string_decoder = require("node:string_decoder");
var CHUNK_BYTES = 64 * 1024;
var MAX_LINE_CHARS2 = 64 * 1024;
function createLogScanner(path, matches) {
  let handle;
  let offset = 0;
  let partial = "";
  let decoder = new import_node_string_decoder.StringDecoder("utf8");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const restart = () => {
    offset = 0;
    partial = "";
    decoder = new import_node_string_decoder.StringDecoder("utf8");
  };
  const consume = (text) => {
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    if (partial.length > MAX_LINE_CHARS2) partial = partial.slice(-MAX_LINE_CHARS2);
    return lines.some((line) => matches(line.endsWith("\r") ? line.slice(0, -1) : line));
  };
  return {
    async scan(signal) {
      handle ??= await fsPromises().open(path, import_node_fs19.constants.O_RDONLY | import_node_fs19.constants.O_NOFOLLOW);
      if ((await handle.stat()).size < offset) restart();
      for (; ; ) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, offset);
        if (bytesRead === 0) return partial.length > 0 && matches(partial);
        offset += bytesRead;
        if (consume(decoder.write(buffer.subarray(0, bytesRead)))) return true;
        if (signal.aborted) return false;
      }
    },
    async close() {
      const open = handle;
      handle = void 0;
      await open?.close();
    }
  };
}

// src/probes/log.ts
var LOG_POLL_MS = 250;
var runLogProbe = async (probe, context) => {
  if (context.logFile === void 0) throw new Error("a log probe needs the service log file");
  const pattern = new RegExp(probe.pattern);
  const path = (0, import_node_path9.resolve)(context.cwd, context.logFile);
  const scanner = createLogScanner(path, (line) => pattern.test(line));
  try {
    await waitForCheck({
      path,
      pollMs: LOG_POLL_MS,
      signal: context.signal,
      check: async () => {
        try {
          if (await scanner.scan(context.signal)) return true;
          context.reportError("no matching line yet");
        } catch (error2) {
          const code = error2.code;
          context.reportError(code === "ENOENT" ? "the log file does not exist yet" : describeError(error2));
        }
        return false;
      }
    });
  } finally {
    await scanner.close();
  }
};

// src/probes/socket.ts
var import_node_path10 = require("node:path");

// src/probes/connect.ts
var GRACEFUL_CLOSE_MS = 250;
function connectOnce(target, options) {
  const started = monotonicMs();
  if (options.signal.aborted) return Promise.resolve(`no connection after ${formatMs(0)}`);
  return new Promise((resolve18) => {
    let failure = "closed before connecting";
    let settled = false;
    const socket = net().connect(target);
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener("abort", giveUp);
      resolve18(failure);
    };
    const giveUp = () => {
      failure = `no connection after ${formatMs(monotonicMs() - started)}`;
      socket.destroy();
    };
    const timer = setTimeout(giveUp, options.timeoutMs);
    options.signal.addEventListener("abort", giveUp, { once: true });
    socket.once("connect", () => {
      failure = void 0;
      socket.resume();
      socket.end();
      socket.unref();
      setTimeout(() => socket.destroy(), GRACEFUL_CLOSE_MS).unref();
      settle();
    });
    socket.on("error", (error2) => {
      if (!settled) failure = describeError(error2);
    });
    socket.once("close", settle);
  });
}

// src/probes/tcp.ts
var CONNECT_TIMEOUT_MS = 2e3;
var runTcpProbe = (probe, context) => pollUntilSuccess(
  attemptAny(
    probeAddresses(probe.host),
    (host, signal) => connectOnce({ host, port: probe.port }, { timeoutMs: CONNECT_TIMEOUT_MS, signal })
  ),
  context
);

// src/probes/socket.ts
var runSocketProbe = (probe, context) => {
  const path = (0, import_node_path10.resolve)(context.cwd, probe.path);
  return pollUntilSuccess((signal) => connectOnce({ path }, { timeoutMs: CONNECT_TIMEOUT_MS, signal }), context);
};

// src/probes/run-probe.ts
function runProbe(probe, context) {
  switch (probe.kind) {
    case "http":
      return runHttpProbe(probe, context);
    case "tcp":
      return runTcpProbe(probe, context);
    case "socket":
      return runSocketProbe(probe, context);
    case "file":
      return runFileProbe(probe, context);
    case "log":
      return runLogProbe(probe, context);
    case "cmd":
      return runCmdProbe(probe, context);
    case "delay":
      return runDelayProbe(probe, context);
  }
}

// src/probes/wait.ts
var SETTLE_LIMIT_MS = 2e3;
async function waitUntilReady(options) {
  validateWaitOptions(options);
  const started = monotonicMs();
  const elapsed = () => monotonicMs() - started;
  const stop = new AbortController();
  const states = options.probes.map((probe) => ({ probe, passed: false, lastError: void 0 }));
  let decidedAt = 0;
  let decided = false;
  let settleDecision;
  const decision = new Promise((resolve18) => settleDecision = resolve18);
  const decide = (next) => {
    if (decided) return;
    decided = true;
    decidedAt = elapsed();
    settleDecision(next);
  };
  const onAbort = () => decide({ outcome: "aborted" });
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  options.until?.then(
    (value) => decide({ outcome: "interrupted", value }),
    // A rejected "service exited" promise still means: stop waiting on it.
    (error2) => decide({ outcome: "interrupted", value: error2 })
  );
  if (Number.isFinite(options.timeoutMs)) {
    sleep(options.timeoutMs, stop.signal).then(
      () => decide({ outcome: "timeout" }),
      () => {
      }
    );
  }
  if (states.length === 0) decide({ outcome: "ready" });
  const running = decided ? [] : states.map((state) => watchProbe(state));
  function watchProbe(state) {
    const context = {
      signal: stop.signal,
      deadline: started + options.timeoutMs,
      cwd: options.cwd,
      shell: options.shell,
      env: options.env,
      logFile: options.logFile,
      // After the outcome, an attempt cut short may still explain a probe that
      // had no error yet ("no response after 1000 ms"), but not overwrite one.
      reportError: (message) => {
        if (!decided || state.lastError === void 0) state.lastError = message;
      }
    };
    return runProbe(state.probe, context).then(
      () => {
        if (decided) return;
        state.passed = true;
        try {
          options.onProbePassed?.(state.probe, elapsed());
        } catch (error2) {
          decide({ outcome: "callback-threw", error: error2 });
          return;
        }
        if (states.every((other) => other.passed)) decide({ outcome: "ready" });
      },
      (error2) => {
        if (!stop.signal.aborted) context.reportError(describeError(error2));
      }
    );
  }
  const result = await decision;
  options.signal?.removeEventListener("abort", onAbort);
  stop.abort();
  await settleWithin(running, SETTLE_LIMIT_MS);
  const ms = decidedAt;
  const pending = states.filter((state) => !state.passed).map(({ probe, lastError }) => lastError === void 0 ? { probe } : { probe, lastError });
  switch (result.outcome) {
    case "ready":
      return { outcome: "ready", ms };
    case "timeout":
    case "aborted":
      return { outcome: result.outcome, ms, pending };
    case "interrupted":
      return { outcome: "interrupted", ms, value: result.value, pending };
    case "callback-threw":
      throw result.error;
  }
}
function validateWaitOptions(options) {
  if (typeof options.timeoutMs !== "number" || Number.isNaN(options.timeoutMs) || options.timeoutMs < 0) {
    throw new TypeError(`Expected timeoutMs to be a non-negative number or Infinity, got ${String(options.timeoutMs)}`);
  }
  if (options.logFile === void 0 && options.probes.some((probe) => probe.kind === "log")) {
    throw new TypeError("A `log` probe needs the logFile option (the service log it reads)");
  }
}
async function settleWithin(promises, limitMs) {
  let timer;
  const limit = new Promise((resolve18) => {
    timer = setTimeout(resolve18, limitMs);
    timer.unref();
  });
  await Promise.race([Promise.allSettled(promises), limit]);
  clearTimeout(timer);
}

// src/probes/port-in-use.ts
var DEFAULT_TIMEOUT_MS = 200;
async function findTakenTargets(probes, options = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = new AbortController().signal;
  const checks = probes.map(async (probe) => {
    const target = localTarget(probe);
    if (!target) return void 0;
    const addresses = probeAddresses(target.host);
    const failures = await Promise.all(
      addresses.map((host) => connectOnce({ host, port: target.port }, { timeoutMs, signal }))
    );
    const index = failures.findIndex((failure) => failure === void 0);
    return index < 0 ? void 0 : { probe, host: addresses[index], port: target.port };
  });
  return (await Promise.all(checks)).filter((taken) => taken !== void 0);
}
function localTarget(probe) {
  if (probe.kind === "tcp") return isLoopbackHost(probe.host) ? { host: probe.host, port: probe.port } : void 0;
  if (probe.kind !== "http") return void 0;
  let url;
  try {
    url = parseProbeUrl(probe.url);
  } catch {
    return void 0;
  }
  if (!isLoopbackHost(url.hostname)) return void 0;
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return { host: url.hostname, port };
}

// src/probes/describe.ts
function describeProbe(probe) {
  const text = probe.text.trim();
  return text.length > 0 ? text : formatProbe(probe);
}
function describePending(pending) {
  return pending.map(({ probe, lastError }) => lastError ? `${describeProbe(probe)} (last: ${lastError})` : describeProbe(probe)).join(", ");
}
function formatProbe(probe) {
  switch (probe.kind) {
    case "http":
      return probe.method.toUpperCase() === "GET" ? probe.url : `${probe.method.toUpperCase()} ${probe.url}`;
    case "tcp":
      return `tcp:${probe.host.includes(":") ? `[${probe.host}]` : probe.host}:${probe.port}`;
    case "socket":
      return `socket:${probe.path}`;
    case "file":
      return `file:${probe.path}`;
    case "log":
      return `log: ${probe.pattern}`;
    case "cmd":
      return `cmd: ${probe.command}`;
    case "delay":
      return `delay: ${probe.ms}ms`;
  }
}

// src/probes/listening.ts
var import_node_path11 = require("node:path");
var ATTEMPT_TIMEOUT_MS2 = 200;
var POLL_MS3 = 25;
function listenTargetsOf(probes, cwd) {
  const targets = [];
  for (const probe of probes) {
    if (probe.kind === "socket") {
      targets.push({ kind: "socket", path: (0, import_node_path11.resolve)(cwd, probe.path) });
      continue;
    }
    const local = localTarget(probe);
    if (local && !targets.some((t) => t.kind === "tcp" && t.host === local.host && t.port === local.port)) {
      targets.push({ kind: "tcp", host: local.host, port: local.port });
    }
  }
  return targets;
}
function describeListenTarget(target) {
  return target.kind === "socket" ? `socket:${target.path}` : `tcp:${target.host}:${target.port}`;
}
async function waitUntilClosed(targets, options) {
  const deadline = monotonicMs() + options.timeoutMs;
  let open = targets;
  for (; ; ) {
    open = (await Promise.all(open.map(async (target) => await accepts(target) ? [target] : []))).flat();
    if (open.length === 0 || monotonicMs() >= deadline) return open;
    await sleep(POLL_MS3);
  }
}
async function accepts(target) {
  const signal = new AbortController().signal;
  const options = { timeoutMs: ATTEMPT_TIMEOUT_MS2, signal };
  if (target.kind === "socket") return await connectOnce({ path: target.path }, options) === void 0;
  const attempts = probeAddresses(target.host).map((host) => connectOnce({ host, port: target.port }, options));
  return (await Promise.all(attempts)).some((failure) => failure === void 0);
}

// src/report/log-tail.ts
var import_node_fs20 = require("node:fs");
var CHUNK = 64 * 1024;
function readLogTail(file, lines = 20) {
  let fd;
  try {
    fd = (0, import_node_fs20.openSync)(file, import_node_fs20.constants.O_RDONLY | import_node_fs20.constants.O_NOFOLLOW);
  } catch {
    return [];
  }
  try {
    const size = (0, import_node_fs20.fstatSync)(fd).size;
    let position = size;
    let text = "";
    while (position > 0 && countNewlines(text) <= lines && size - position < 16 * CHUNK) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      (0, import_node_fs20.readSync)(fd, buffer, 0, length, position);
      text = buffer.toString("utf8") + text;
    }
    const all = text.split("\n");
    if (all.at(-1) === "") all.pop();
    if (position > 0) all.shift();
    return all.slice(-lines).map((line) => line.replace(/\r$/, ""));
  } finally {
    (0, import_node_fs20.closeSync)(fd);
  }
}
function countNewlines(text) {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

// src/app/launch-and-wait.ts
init_service_variables();

// src/probes/free-port.ts
var ATTEMPTS = 20;
var handedOut = /* @__PURE__ */ new Set();
async function chooseFreePort() {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const v4 = await listen(0, "127.0.0.1");
    if (typeof v4 === "string") throw new Error(`cannot bind 127.0.0.1 to find a free port: ${v4}`);
    const port = v4.address().port;
    const v6 = await listen(port, "::1");
    await close(v4);
    if (typeof v6 !== "string") await close(v6);
    const freeOnV6 = typeof v6 !== "string" || v6 === "EADDRNOTAVAIL" || v6 === "EAFNOSUPPORT";
    if (freeOnV6 && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`found no port free on both 127.0.0.1 and ::1 in ${ATTEMPTS} tries`);
}
function listen(port, host) {
  return new Promise((resolve18) => {
    const server = net().createServer();
    server.unref();
    server.once("error", (error2) => resolve18(error2.code ?? error2.message));
    server.listen({ port, host, exclusive: true, ipv6Only: host === "::1" }, () => resolve18(server));
  });
}
function close(server) {
  return new Promise((resolve18) => server.close(() => resolve18()));
}

// src/app/stop-run-command.ts
var RUN_COOKIE = "BGSVC_RUN_ID";

// src/app/port-conflicts.ts
var LOG_TAIL_LINES = 20;
var ADDRESS_IN_USE = /EADDRINUSE|address already in use/i;
function saysAddressInUse(logFile) {
  return readLogTail(logFile, LOG_TAIL_LINES).some((line) => ADDRESS_IN_USE.test(line));
}
function describeTakenPorts(name, taken, platform2) {
  const parts = taken.map(({ probe, port, heldBy }) => {
    if (heldBy !== void 0) return `port ${port} (${probe.text}) is already in use by ${heldBy}, a service of this start`;
    const holders = platform2.findListeners(port);
    const who = holders.length > 0 ? ` by ${holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(", ")}` : "";
    return `port ${port} (${probe.text}) is already in use${who}`;
  });
  if (taken.every(({ heldBy }) => heldBy !== void 0)) {
    return `${name} was not started: ${parts.join("; ")}. Two services cannot bind one port: give one of them another port (port: auto).`;
  }
  return `${name} was not started: ${parts.join("; ")}. Its probe would pass at once against the wrong process. Stop the old process (often a leftover of an earlier job) or use another port.`;
}

// src/app/probe-targets-taken.ts
var import_node_fs21 = require("node:fs");
var import_node_path12 = require("node:path");
async function checkProbeTargets(options) {
  const { pinned, probes, platform: platform2 } = options;
  const run2 = { runId: options.store.state.id, services: options.store.state.services.filter((record) => record.name !== options.service) };
  const conflicts = [];
  const borrowed = [];
  for (const taken of await findTakenTargets([...pinned, ...probes])) {
    const heldBy = run2.services.length > 0 ? runServiceHolding({ kind: "tcp", host: taken.host, port: taken.port }, run2, platform2) : void 0;
    if (heldBy !== void 0 && !pinned.includes(taken.probe)) borrowed.push({ kind: "tcp", host: taken.host, port: taken.port });
    else conflicts.push({ ...taken, ...heldBy === void 0 ? {} : { heldBy } });
  }
  for (const probe of probes) {
    if (probe.kind !== "socket" || run2.services.length === 0) continue;
    const path = (0, import_node_path12.resolve)(options.cwd, probe.path);
    if ((0, import_node_fs21.existsSync)(path) && runServiceHolding({ kind: "socket", path }, run2, platform2) !== void 0) borrowed.push({ kind: "socket", path });
  }
  return { conflicts, borrowed };
}
function isBorrowed(target, borrowed) {
  return borrowed.some(
    (other) => target.kind === "tcp" ? other.kind === "tcp" && other.port === target.port : other.kind === "socket" && other.path === target.path
  );
}

// src/app/task.ts
init_duration();
async function finishTask(service, record, launched, context, fail, exports2) {
  const ended = await exitWithin(launched.exited, service.timeoutMs, context.cancel);
  if (ended === "aborted") return false;
  if (ended === "timeout") {
    return fail("timeout", `${service.name} (a task) did not finish within ${formatDuration(service.timeoutMs)}; raise its timeout if it needs longer`);
  }
  const after = formatDuration(Math.max(0, ended.atMs - record.startedAt));
  if (ended.code !== 0 || ended.signal) {
    const how = ended.signal ? `was killed by ${ended.signal}` : `exited with code ${ended.code}`;
    return fail("exited", `${service.name} (a task) ${how} (${after} after start)`, true, ended);
  }
  await context.store.ready(service.name, { at: ended.atMs, listeners: [], adopted: [], exports: exports2() });
  context.emit({ type: "ready", service: service.name, ms: ended.atMs - record.startedAt, probes: [], task: true });
  return true;
}
function exitWithin(exited, timeoutMs, cancel) {
  if (cancel.aborted) return Promise.resolve("aborted");
  return new Promise((resolve18) => {
    const done = (value) => {
      clearTimeout(timer);
      cancel.removeEventListener("abort", onAbort);
      resolve18(value);
    };
    const onAbort = () => done("aborted");
    const timer = setTimeout(() => done("timeout"), timeoutMs);
    timer.unref();
    cancel.addEventListener("abort", onAbort, { once: true });
    void exited.then(done, () => done("aborted"));
  });
}

// src/app/launch-and-wait.ts
var LOG_TAIL_LINES2 = 20;
var PROGRESS_EVERY_MS = 1e4;
async function launchAndWait(service, context) {
  const first = await attemptLaunch(service, context, { mayRelaunch: service.port === "auto" });
  if (first !== "address-in-use") return first;
  context.emit({ type: "port-retry", service: service.name, port: context.store.service(service.name)?.port ?? 0 });
  return await attemptLaunch(service, context, { mayRelaunch: false }) === true;
}
async function attemptLaunch(service, context, options) {
  const { store, emit, platform: platform2 } = context;
  const { state } = store;
  const logFile = (0, import_node_path13.join)(state.logDir, `${service.name}.log`);
  const fail = async (reason, message, withLog = true, exit) => {
    if (store.service(service.name)) {
      await store.startFailed(
        service.name,
        exit ? { reason, at: exit.atMs, exit: { code: exit.code, signal: exit.signal } } : { reason, at: Date.now() }
      );
    }
    emit({
      type: "failed",
      service: service.name,
      reason,
      message,
      logFile: withLog ? logFile : void 0,
      logTail: withLog ? readLogTail(logFile, LOG_TAIL_LINES2) : []
    });
    context.onFailed(service.name);
    return false;
  };
  let port;
  try {
    port = service.port === "auto" ? await chooseFreePort() : service.port;
  } catch (error2) {
    return fail("launch", `${service.name} was not started: ${error2.message}`, false);
  }
  const env = {
    ...context.baseEnv,
    ...service.env,
    ...port === void 0 ? {} : { PORT: String(port) },
    BGSVC_ID: state.id,
    BGSVC_SERVICE: service.name,
    BGSVC_LOG_DIR: state.logDir
  };
  delete env[RUN_COOKIE];
  let probes;
  try {
    probes = service.probesAtLaunch ? service.probesAtLaunch.map((entry) => readProbeAtLaunch(entry, env)) : service.probes;
  } catch (error2) {
    return fail("launch", `${service.name} was not started: ${error2.message}`, false);
  }
  const pinned = typeof service.port === "number" ? [{ kind: "tcp", text: `port: ${service.port}`, host: "localhost", port: service.port }] : [];
  const { conflicts, borrowed } = await checkProbeTargets({ service: service.name, pinned, probes, cwd: service.cwd, store, platform: platform2 });
  if (conflicts.length > 0) return fail("port-taken", describeTakenPorts(service.name, conflicts, platform2), false);
  if (context.cancel.aborted) return false;
  const shell = resolveShell(service.shell, service.env.PATH ?? context.baseEnv.PATH);
  const exitFile = (0, import_node_path13.join)(state.stateDir, "run", `${service.name}.exit`);
  let launched;
  try {
    launched = launchService({ name: service.name, command: service.command, shell, cwd: service.cwd, env, logFile, exitFile, platform: platform2 });
  } catch (error2) {
    return fail("launch", `${service.name} could not be started: ${error2.message}`, false);
  }
  context.onLaunched(launched);
  const record = {
    name: service.name,
    command: service.command,
    shell,
    cwd: service.cwd,
    env: service.env,
    needs: service.needs,
    stop: service.stop,
    stopSignal: service.stopSignal,
    stopTimeoutMs: service.stopTimeoutMs,
    probes: probes.map((probe) => probe.text),
    ...port === void 0 ? {} : { port },
    pid: launched.pid,
    startTime: launched.startTime,
    logFile,
    exitFile,
    startedAt: Date.now(),
    ...service.task ? { task: true } : {}
  };
  await store.launched(record, context.order);
  emit({ type: "started", service: service.name, pid: launched.pid, command: service.command, logFile, ...port === void 0 ? {} : { port } });
  const exports2 = () => service.exports ? expandExports(service.exports, env) : void 0;
  if (service.task) return finishTask(service, record, launched, context, fail, exports2);
  const cookie = { BGSVC_ID: state.id, BGSVC_SERVICE: service.name };
  const settling = probes.length === 0 && service.settleMs > 0;
  const waitedOn = settling ? [{ kind: "delay", text: `settle ${formatDuration(service.settleMs)}`, ms: service.settleMs }] : probes;
  let leftAfterExit0;
  let waitEnded = false;
  const noteDaemonized = (waitingForProbes) => {
    const left = countLeftBehind(launched.pid, cookie, platform2);
    leftAfterExit0 = left;
    emit({ type: "daemonized", service: service.name, left, waitingForProbes });
  };
  const diedEarly = launched.exited.then((exit) => {
    if (waitEnded) return new Promise(() => {
    });
    if (exit.code !== 0 || exit.signal) return exit;
    noteDaemonized(probes.length > 0);
    return new Promise(() => {
    });
  });
  const passed = /* @__PURE__ */ new Set();
  const progress = setInterval(() => {
    emit({
      type: "waiting",
      service: service.name,
      pending: record.probes.filter((probe) => !passed.has(probe)).map((probe) => ({ probe })),
      ms: Date.now() - record.startedAt,
      timeoutMs: service.timeoutMs
    });
  }, PROGRESS_EVERY_MS);
  progress.unref();
  let result = await waitUntilReady({
    probes: waitedOn,
    timeoutMs: service.timeoutMs,
    logFile,
    cwd: service.cwd,
    shell,
    env,
    until: diedEarly,
    signal: context.cancel,
    onProbePassed: (probe, ms) => {
      passed.add(probe.text);
      if (probes.length > 1) emit({ type: "probe-passed", service: service.name, probe: probe.text, ms });
    }
  }).finally(() => {
    waitEnded = true;
    clearInterval(progress);
  });
  if (result.outcome === "ready" && leftAfterExit0 === void 0) {
    const exitAtReady = readExitFile(exitFile) ?? (launched.reaper ? await exitInFlight(exitFile, launched.pid, platform2, context.cancel) : void 0);
    if (exitAtReady && (exitAtReady.code !== 0 || exitAtReady.signal)) result = { ...result, outcome: "interrupted", value: exitAtReady, pending: [] };
    else if (exitAtReady) noteDaemonized(false);
  }
  switch (result.outcome) {
    case "ready": {
      const readyAt = Date.now();
      const listeners = listenTargetsOf(probes, service.cwd).filter((target) => !isBorrowed(target, borrowed));
      const adopted = launched.reaper ? [] : adoptPortHolders(service.name, listeners, record, cookie, context);
      const daemonized = leftAfterExit0 === void 0 ? void 0 : leftAfterExit0 > 0 || adopted.length > 0;
      await store.ready(service.name, { at: readyAt, listeners, adopted, exports: exports2(), ...daemonized === void 0 ? {} : { daemonized } });
      emit({
        type: "ready",
        service: service.name,
        ms: readyAt - record.startedAt,
        probes: record.probes,
        settledMs: settling ? service.settleMs : void 0
      });
      return true;
    }
    case "interrupted": {
      const exit = result.value;
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      const after = formatDuration(Math.max(0, exit.atMs - record.startedAt));
      if (options.mayRelaunch && exit.code !== 0 && saysAddressInUse(logFile) && countLeftBehind(launched.pid, cookie, platform2) === 0) {
        return "address-in-use";
      }
      return fail("exited", `${service.name} ${how} before it was ready (${after} after start)`, true, exit);
    }
    case "timeout":
      return fail(
        "timeout",
        `${service.name} was not ready after ${formatDuration(service.timeoutMs)}: still waiting for ${describePending(result.pending)}`
      );
    case "aborted":
      return false;
  }
}
var EXIT_IN_FLIGHT_MS = 1e3;
var EXIT_POLL_MS = 5;
async function exitInFlight(exitFile, wrapper, platform2, cancel) {
  const deadline = monotonicMs() + EXIT_IN_FLIGHT_MS;
  while ((platform2.childrenOf?.(wrapper)?.exiting ?? 0) > 0) {
    if (monotonicMs() >= deadline || cancel.aborted) break;
    await sleep(EXIT_POLL_MS);
    const exit = readExitFile(exitFile);
    if (exit) return exit;
  }
  return readExitFile(exitFile);
}
function adoptPortHolders(name, targets, record, cookie, context) {
  const adopted = findTargetHolders({
    targets,
    cookie,
    runCookie: { BGSVC_ID: context.store.state.id },
    startedAfter: record.startTime,
    platform: context.platform,
    table: context.table
  });
  if (adopted.length > 0) context.emit({ type: "adopted", service: name, holders: adopted.map(({ pid, command }) => ({ pid, command })) });
  return adopted;
}

// src/app/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/app/state-lock.ts
var LOCK_TIMEOUT_MS = 5 * 6e4;
function holdingStateLock(stateDir, deps, work) {
  const { platform: platform2, emit } = deps;
  return withStateLock(
    {
      stateDir,
      self: { pid: process.pid, startTime: platform2.startTimeOf(process.pid) ?? "" },
      isAlive: (holder) => platform2.isAlive(holder.pid, holder.startTime || void 0),
      timeoutMs: LOCK_TIMEOUT_MS,
      onWait: (holder) => emit({ type: "waiting-for-lock", pid: holder.pid })
    },
    work
  );
}

// src/app/stop-service.ts
var import_node_fs22 = require("node:fs");

// src/app/service-ref.ts
function processesOf(record, stateId) {
  const ref = { pid: record.pid, startTime: record.startTime, cookie: { BGSVC_ID: stateId, BGSVC_SERVICE: record.name } };
  if (record.adopted) ref.adopted = record.adopted;
  return ref;
}

// src/app/stop-service.ts
var LOG_TAIL_LINES3 = 20;
var CLOSE_WAIT_MS = 2e3;
async function stopOneService(record, context) {
  const { emit, platform: platform2, sharedSnapshot } = context;
  const { state } = context.store;
  const service = processesOf(record, state.id);
  const { cookie } = service;
  const exit = readExitFile(record.exitFile);
  const leader = leaderIdentity(service, platform2);
  const leaderIsOurs = leader.kind === "ours";
  const adopted = verifiedAdopted(service, platform2);
  const alive = leaderIsOurs || adopted.length > 0 || carriesCookie(sharedSnapshot(), cookie);
  if (leader.kind === "stranger") {
    emit({ type: "pid-not-ours", service: record.name, pid: record.pid, why: leader.why, stoppingOthers: alive });
  }
  const interruptedAt = record.stoppingAt;
  const started = monotonicMs();
  let command;
  let tree;
  if (alive || record.stop) {
    emit({ type: "stopping", service: record.name });
    await context.store.stopping(record.name, Date.now());
    if (record.stop) command = await runStopCommand(record, context);
    if (alive) {
      const how = { cookie, adopted, signal: record.stopSignal, graceMs: record.stopTimeoutMs, platform: platform2, sharedSnapshot, measureUsage: true };
      tree = leaderIsOurs ? await stopProcessTree({ pid: record.pid, startTime: record.startTime, ...how }) : await sweepByCookie(how);
    }
  }
  const ms = Math.round(monotonicMs() - started);
  const cost = measureServiceCost({
    costFile: costFileFor(record.exitFile),
    atSignal: tree?.usageAtSignal,
    ...leaderIsOurs && { wrapperPid: record.pid }
  });
  if (cost) await context.store.costMeasured(record.name, cost);
  let outcome = decideOutcome({ record, exit, tree, command, ms, interruptedAt });
  const open = outcome.kind === "survivors" ? [] : await waitUntilClosed(record.listeners ?? [], { timeoutMs: CLOSE_WAIT_MS });
  if (open.length > 0) {
    outcome = {
      kind: "still-listening",
      targets: open.map((target) => ({ target: describeListenTarget(target), holders: listenersOf(target, platform2) }))
    };
  }
  const reportedByStart = record.startFailure?.reason === "exited" && outcome.kind === "exited";
  if (!reportedByStart) {
    emit({
      type: "stopped",
      service: record.name,
      outcome,
      logFile: record.logFile,
      logTail: readLogTail(record.logFile, LOG_TAIL_LINES3),
      ...record.task ? { task: true } : {},
      ...cost && { cost }
    });
  }
  return outcome;
}
function decideOutcome(found) {
  const { record, exit, tree, command, ms } = found;
  if (tree && tree.survivors.length > 0) {
    const denied = new Set(tree.denied);
    const processes = tree.survivors.map(({ pid, command: text }) => ({ pid, command: text, ...denied.has(pid) && { denied: true } }));
    return { kind: "survivors", processes };
  }
  if (tree?.escalated) return { kind: "killed", afterMs: ms, graceMs: record.stopTimeoutMs };
  if (exit && (exit.code !== 0 || exit.signal)) return exitedOutcome(record, exit);
  const commandFailed = command !== void 0 && (command.timedOut || command.code !== 0);
  if (tree && tree.signalled > 0) return { kind: "stopped", signal: command ? `stop command, then ${record.stopSignal}` : record.stopSignal, ms };
  if (tree && tree.found > 0 && !command) return { kind: "stopped", signal: record.stopSignal, ms };
  if (command) {
    return commandFailed ? { kind: "stop-command-failed", code: command.code, timedOut: command.timedOut } : { kind: "stopped", signal: "stop command", ms };
  }
  if (found.interruptedAt !== void 0) return { kind: "not-running", interruptedStopAt: found.interruptedAt };
  return exit ? exitedOutcome(record, exit) : { kind: "not-running" };
}
function listenersOf(target, platform2) {
  const holders = target.kind === "tcp" ? platform2.findListeners(target.port) : platform2.findSocketListeners(target.path);
  return holders.map(({ pid, command }) => ({ pid, command }));
}
async function runStopCommand(record, context) {
  const { emit } = context;
  const { state } = context.store;
  let fd;
  try {
    fd = openLogForAppend(record.logFile);
  } catch {
    fd = void 0;
  }
  try {
    const result = await runCommand({
      shell: record.shell,
      command: record.stop,
      cwd: record.cwd,
      // The service's own environment, as it was launched: its env: (and params), its PORT, BGSVC_*.
      env: {
        ...context.baseEnv,
        ...record.env,
        ...record.port === void 0 ? {} : { PORT: String(record.port) },
        BGSVC_ID: state.id,
        BGSVC_SERVICE: record.name,
        BGSVC_LOG_DIR: state.logDir
      },
      timeoutMs: Math.max(record.stopTimeoutMs, 1e3),
      outputFd: fd
    });
    emit({ type: "stop-command", service: record.name, command: record.stop, code: result.code, timedOut: result.timedOut, ms: result.ms });
    return { code: result.code, timedOut: result.timedOut };
  } finally {
    if (fd !== void 0) (0, import_node_fs22.closeSync)(fd);
  }
}
function exitedOutcome(record, exit) {
  const daemonized = !record.task && (record.daemonized ?? (exit.code === 0 && record.readyAt !== void 0 && exit.atMs <= record.readyAt));
  return { kind: "exited", code: exit.code, signal: exit.signal, atMs: exit.atMs, afterStartMs: exit.atMs - record.startedAt, daemonized };
}

// src/app/stop.ts
async function stopRecordedServices(store, options) {
  const { emit, platform: platform2, env: baseEnv } = options.deps;
  const { state } = store;
  const chosen = chooseServices(state, options.names);
  const pending = chosen.filter((record) => record.stoppedAt === void 0);
  const report = { outcomes: /* @__PURE__ */ new Map(), survivors: false, nothingToDo: pending.length === 0 };
  const sharedSnapshot = snapshotPerTurn(platform2);
  const done = /* @__PURE__ */ new Map();
  const stopAfterDependents = (record) => {
    let promise = done.get(record.name);
    if (!promise) {
      const dependents = pending.filter((other) => other.needs.includes(record.name));
      promise = Promise.all(dependents.map(stopAfterDependents)).then(async () => {
        const outcome = await stopOneService(record, { store, emit, platform: platform2, sharedSnapshot, baseEnv });
        report.outcomes.set(record.name, outcome);
        const notGone = leftRunning(outcome);
        if (notGone) report.survivors = true;
        await store.stopped(record.name, outcome, Date.now());
      });
      done.set(record.name, promise);
    }
    return promise;
  };
  await Promise.all(pending.map(stopAfterDependents));
  if (state.services.every((record) => record.stoppedAt !== void 0 || report.outcomes.has(record.name))) {
    const leaked = await sweepLeaked(state.id, emit, platform2);
    if (leaked !== "none") report.nothingToDo = false;
    if (leaked === "survivors") report.survivors = true;
    store.allStopped(Date.now());
  }
  if (report.nothingToDo) {
    emit({ type: "nothing-to-stop", reason: "all-stopped", path: state.stateDir });
  } else {
    refreshEnvFile(store.state);
  }
  return report;
}
function chooseServices(state, names) {
  if (!names || names.length === 0) return state.services;
  return names.map((name) => {
    const record = state.services.find((service) => service.name === name);
    if (!record) {
      const known = state.services.map((service) => service.name).join(", ") || "none";
      throw new UsageError(`no service named "${name}" was started from ${state.stateDir} (started: ${known})`);
    }
    return record;
  });
}
async function sweepLeaked(id, emit, platform2) {
  const result = await sweepByCookie({ cookie: { BGSVC_ID: id }, signal: "SIGKILL", graceMs: 0, platform: platform2, nameProcesses: true });
  if (result.found === 0) return "none";
  const killed = result.survivors.length === 0;
  const listed = killed ? result.processes : result.survivors;
  emit({ type: "leaked", processes: listed.map(({ pid, command }) => ({ pid, command })), killed });
  return killed ? "killed" : "survivors";
}

// src/app/leftovers.ts
async function stopLeftovers(options) {
  const { location, deps } = options;
  const { emit, platform: platform2 } = deps;
  const read = readState(location.stateDir);
  if (read.kind === "missing") return;
  if (read.kind === "invalid") {
    emit({ type: "state-unusable", path: read.path, problem: read.problem, recovery: "replace", ...read.id ? { id: read.id } : {} });
    if (read.id) await sweepByCookie({ cookie: { BGSVC_ID: read.id }, signal: "SIGTERM", graceMs: 2e3, platform: platform2 });
    return;
  }
  const { state } = read;
  if (state.stoppedAt !== void 0) return;
  const unstopped = state.services.filter((service) => service.stoppedAt === void 0);
  const alive = platform2.findByEnv({ BGSVC_ID: state.id }).length > 0 || unstopped.some((service) => verifiedAdopted(service, platform2).length > 0);
  if (!alive || unstopped.length === 0) return;
  emit({ type: "earlier-run-left", startedAt: state.createdAt, services: unstopped.map((service) => service.name), stateDir: location.stateDir });
  await stopRecordedServices(ServiceStore.of(state), { deps });
}

// src/app/preflight.ts
var import_node_fs23 = require("node:fs");
var import_node_path14 = require("node:path");
var MIN_FREE_BYTES = 1024 * 1024;
function checkLogDir(logDir) {
  const probe = (0, import_node_path14.join)(logDir, `.bgsvc-write-test-${randomHex(8)}`);
  try {
    (0, import_node_fs23.writeFileSync)(probe, "ok", { mode: 384, flag: "wx" });
    removeFile(probe);
  } catch (error2) {
    return { kind: "not-writable", code: error2.code ?? error2.message };
  }
  try {
    const stats = (0, import_node_fs23.statfsSync)(logDir);
    const free = stats.bavail * stats.bsize;
    if (free < MIN_FREE_BYTES) {
      return { kind: "low-space", freeKiB: Math.floor(free / 1024) };
    }
  } catch {
  }
  return void 0;
}

// src/app/select.ts
function selectServices(plan, only) {
  if (only === void 0) return plan.services;
  if (only.length === 0) throw new UsageError(`--only needs a service name (services: ${plan.services.map((service) => service.name).join(", ")})`);
  const byName = new Map(plan.services.map((service) => [service.name, service]));
  const chosen = /* @__PURE__ */ new Set();
  const visit2 = (name) => {
    if (chosen.has(name)) return;
    const service = byName.get(name);
    if (!service) throw new UsageError(`--only: no service named "${name}" in ${plan.source} (services: ${[...byName.keys()].join(", ")})`);
    chosen.add(name);
    service.needs.forEach(visit2);
  };
  only.forEach(visit2);
  return plan.services.filter((service) => chosen.has(service.name));
}

// src/app/start.ts
async function startServices(options) {
  const { location, deps } = options;
  const services = selectServices(options.plan, options.only);
  assertSafeLocation(location, { create: true });
  return holdingStateLock(location.stateDir, deps, async () => {
    await stopLeftovers({ location, deps });
    const unusable = prepareDirs(location);
    if (unusable) {
      deps.emit({ type: "log-dir-unusable", ...unusable });
      return { ok: false, state: void 0, aborted: false, failed: [] };
    }
    deps.emit({ type: "config", source: options.plan.source, services: services.map((service) => service.name) });
    const store = ServiceStore.create({
      // BGSVC_ID: every process of this start carries it, so stop finds daemons too.
      id: randomHex(12),
      createdAt: Date.now(),
      stateDir: location.stateDir,
      logDir: location.logDir
    });
    const launch = await launchInDependencyOrder(services, store, options);
    return launch.ok ? recordReady(store) : abandonStart(store, launch, options);
  });
}
function prepareDirs(location) {
  try {
    ensurePrivateDir(location.stateDir);
    ensurePrivateDir((0, import_node_path15.join)(location.stateDir, "run"));
    ensurePrivateDir(location.logDir);
  } catch (error2) {
    return { path: error2.path ?? location.stateDir, problem: { kind: "cannot-create", message: error2.message } };
  }
  const problem = checkLogDir(location.logDir);
  return problem === void 0 ? void 0 : { path: location.logDir, problem };
}
async function launchInDependencyOrder(services, store, options) {
  const { deps } = options;
  const failFast = new AbortController();
  (0, import_node_events.setMaxListeners)(0, failFast.signal);
  const onCancel = () => failFast.abort(options.signal?.reason);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener("abort", onCancel, { once: true });
  const launched = [];
  const failed2 = [];
  const context = {
    store,
    emit: deps.emit,
    platform: deps.platform,
    baseEnv: deps.env,
    cancel: failFast.signal,
    onLaunched: (service) => launched.push(service),
    table: incrementalSnapshots(deps.platform),
    onFailed: (name) => {
      failed2.push(name);
      failFast.abort("failed");
    },
    order: services.map((service) => service.name)
  };
  const byName = new Map(services.map((service) => [service.name, service]));
  const readiness = /* @__PURE__ */ new Map();
  const whenReady = (service) => {
    let promise = readiness.get(service.name);
    if (!promise) {
      promise = (async () => {
        const needs = await Promise.all(service.needs.map((name) => whenReady(byName.get(name))));
        if (!needs.every(Boolean) || failFast.signal.aborted) return false;
        return launchAndWait(service, context);
      })();
      readiness.set(service.name, promise);
    }
    return promise;
  };
  try {
    const results = await Promise.all(services.map(whenReady));
    if (results.every(Boolean) && !failFast.signal.aborted) return { ok: true };
    return { ok: false, aborted: options.signal?.aborted ?? false, failed: failed2 };
  } finally {
    options.signal?.removeEventListener("abort", onCancel);
    for (const service of launched) service.release();
  }
}
function recordReady(store) {
  store.startFinished({ outcome: "ready", failed: [], at: Date.now() });
  refreshEnvFile(store.state);
  return { ok: true, state: store.state };
}
async function abandonStart(store, launch, options) {
  const { aborted, failed: failed2 } = launch;
  store.startFinished({ outcome: aborted && failed2.length === 0 ? "cancelled" : "failed", failed: [...failed2], at: Date.now() });
  options.deps.emit({ type: "start-abandoned", cancelled: aborted, failed: [...failed2] });
  await stopRecordedServices(store, { deps: options.deps });
  return { ok: false, state: store.state, aborted, failed: failed2 };
}

// src/edges/github/main.ts
init_duration();
init_errors();

// src/edges/github/config-errors.ts
var import_node_path16 = require("node:path");
init_errors();
function reportConfigError(io, error2, where) {
  for (const issue2 of error2.issues) io.error(formatIssue(issue2), annotationPlace(issue2, where));
  const omitted = error2.message.split("\n").find((line) => line.startsWith("… and"));
  if (omitted) io.error(omitted, { title: "bgsvc" });
  const count = error2.issues.length;
  io.setFailed(`bgsvc: ${count === 1 ? "a problem" : `${count} problems`} in the inputs or config (above); nothing was started`);
}
function annotationPlace(issue2, where) {
  const place = placeInFile(issue2.source, issue2, where);
  return place ? { title: "bgsvc config", ...place } : { title: "bgsvc" };
}
function placeInFile(source, at, where) {
  const isFile2 = !source.startsWith('input "') && source !== "bgsvc" && at.line !== void 0;
  if (!isFile2 || !where.workspace) return void 0;
  const file = (0, import_node_path16.relative)(where.workspace, (0, import_node_path16.resolve)(where.cwd, source));
  if (file.startsWith("..")) return void 0;
  return { file, startLine: at.line, startColumn: at.column };
}

// src/edges/terminal.ts
init_duration();

// src/report/cost-words.ts
init_duration();
function describeCost(cost) {
  return `peak ${describePeakMemory(cost)}, CPU ${describeCpuTime(cost)}`;
}
function describePeakMemory(cost) {
  if (cost?.peakMemoryBytes == null) return "unknown";
  return `${atLeast(cost)}${formatMemory(cost.peakMemoryBytes)}`;
}
function describeCpuTime(cost) {
  if (cost?.cpuMs == null) return "unknown";
  return `${atLeast(cost)}${formatDuration(cost.cpuMs)}`;
}
function atLeast(cost) {
  return cost.complete ? "" : "≥ ";
}
function formatMemory(bytes) {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return `${Math.round(bytes / 1024)} KB`;
  if (mib < 1024) return `${mib < 10 ? mib.toFixed(1) : Math.round(mib)} MB`;
  return `${(mib / 1024).toFixed(1)} GB`;
}

// src/edges/notes.ts
init_duration();
function describeNote(event) {
  switch (event.type) {
    case "command-not-run":
      return { level: "error", message: `cannot run ${event.command}: ${event.problem}` };
    case "command-exited":
      return { level: "info", message: `command exited with code ${event.code}; stopping services` };
    case "service-died":
      return { level: event.code === 0 && event.signal === null ? "warning" : "error", message: describeDeath(event) };
    case "command-stopping":
      return {
        level: "info",
        message: `--fail-fast: stopping the command because ${event.because} died: ${event.signal} to its process tree, SIGKILL after ${formatDuration(event.graceMs)}`
      };
    case "command-stopped": {
      if (event.survivors.length > 0) {
        const list = event.survivors.map((holder) => `pid ${holder.pid} (${holder.command})`).join(", ");
        return { level: "error", message: `the command could NOT be stopped: ${list} still running; stopping services` };
      }
      const how = event.killed ? `killed with SIGKILL (it outlived its grace), ${formatDuration(event.ms)}` : `stopped in ${formatDuration(event.ms)}`;
      return { level: "info", message: `command ${how}, exit code ${event.code}; stopping services; bgsvc exits 1` };
    }
    case "start-abandoned":
      return event.cancelled && event.failed.length === 0 ? { level: "warning", message: "cancelled: stopping the services started so far" } : { level: "error", message: `start failed (${event.failed.join(", ")}): stopping the services started so far` };
    case "log-dir-unusable":
      return { level: "error", message: describeLogDirProblem(event.path, event.problem) };
    case "daemonized": {
      const what = event.left > 0 ? `left ${event.left} process(es) running (daemonized)` : "left no process running";
      return { level: "info", message: `${event.service}: its command exited 0 and ${what}${event.waitingForProbes ? "; waiting for its probes" : ""}` };
    }
    case "adopted": {
      const list = event.holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(", ");
      return {
        level: "info",
        message: `${event.service}: ${list} holds its probed port or socket without carrying BGSVC_ID (it rewrote its environment); recorded so stop still finds it`
      };
    }
    case "earlier-run-left": {
      const started = new Date(event.startedAt).toISOString();
      return { level: "warning", message: `an earlier run (started ${started}) left ${event.services.join(", ")} running in ${event.stateDir}; stopping them first` };
    }
    case "state-unusable":
      if (event.recovery === "replace") return { level: "warning", message: `replacing ${event.path}: ${event.problem}` };
      return {
        level: "warning",
        message: `cannot use ${event.path}: ${event.problem}; ${event.recovery === "sweep" ? `stopping every process that carries its BGSVC_ID=${event.id}` : "no BGSVC_ID could be recovered from it, so no process can be proven ours; nothing was signalled"}`
      };
    case "waiting-for-lock":
      return { level: "info", message: `waiting for bgsvc pid ${event.pid}, which is starting or stopping the services of this state dir` };
    case "nothing-to-stop":
      return {
        level: "info",
        message: event.reason === "no-state-file" ? `nothing to stop: no state file at ${event.path}` : `nothing to stop: every service in ${event.path} is already stopped`
      };
    case "port-retry":
      return {
        level: "warning",
        message: `${event.service}: port ${event.port} was taken by another process before it could bind it; starting it again on another free port (its first log is ${event.service}.prev.log)`
      };
    case "pid-not-ours": {
      const why = event.why === "reused" ? "its start time differs, so the pid was reused" : "it does not carry this run's BGSVC_ID";
      const instead = event.stoppingOthers ? "; stopping the processes that carry this service's BGSVC_ID instead" : "";
      return { level: "warning", message: `${event.service}: pid ${event.pid} in the state file is not ours (${why}); that pid is not signalled${instead}` };
    }
  }
}
function describeDeath(event) {
  const how = event.signal ? `was killed by ${event.signal}` : `exited with code ${event.code}`;
  const when = `${formatDuration(event.intoCommandMs)} into it, ${formatDuration(event.afterStartMs)} after ${event.service} started`;
  const next = event.failFast ? "" : "; the command goes on (--fail-fast would stop it)";
  return `${event.service} ${how} while the command ran (${when}): it no longer serves${next}`;
}
function describeLogDirProblem(path, problem) {
  switch (problem.kind) {
    case "cannot-create":
      return `cannot create ${path}: ${problem.message}`;
    case "not-writable":
      return `the log dir ${path} is not writable (${problem.code}); choose another with --log-dir or BGSVC_STATE_DIR`;
    case "low-space":
      return `the log dir ${path} has only ${problem.freeKiB} KiB free; services would lose their output (free some space or choose another dir with --log-dir)`;
  }
}

// src/edges/terminal.ts
var paint = (code) => (on, text) => on ? `\x1B[${code}m${text}\x1B[0m` : text;
var green = paint("32");
var red = paint("31");
var yellow = paint("33");
var dim = paint("2");
function createTerminalEmitter(options) {
  const { color } = options;
  const line = (text) => {
    const offset = `+${(options.elapsed() / 1e3).toFixed(2)}s`;
    options.write(`${dim(color, offset)} ${text}
`);
  };
  const tail = (lines, logFile) => {
    if (!lines || lines.length === 0) {
      if (logFile) options.write(dim(color, `    (log is empty: ${logFile})
`));
      return;
    }
    options.write(dim(color, `    ┌ last ${lines.length} lines of ${logFile}
`));
    for (const text of lines) options.write(`    │ ${text}
`);
    options.write(dim(color, "    └\n"));
  };
  const note = (level, message) => {
    const painted = level === "error" ? red : level === "warning" ? yellow : (_, text) => text;
    line(painted(color, level === "info" ? message : `${level}: ${message}`));
  };
  return (event) => {
    switch (event.type) {
      case "config":
        line(`config ${event.source}: ${event.services.join(", ") || "(no services)"}`);
        return;
      case "started":
        line(`${event.service} started (pid ${event.pid}${event.port === void 0 ? "" : `, port ${event.port}`}), log ${event.logFile}`);
        return;
      case "probe-passed":
        line(`${event.service} probe passed: ${event.probe} (${formatDuration(event.ms)})`);
        return;
      case "waiting": {
        const pending = event.pending.map((item) => item.probe).join(", ");
        line(`${event.service} still waiting (${formatDuration(event.ms)} of ${formatDuration(event.timeoutMs)})${pending ? `: ${pending}` : ""}`);
        return;
      }
      case "ready": {
        if (event.task) {
          line(`${green(color, `${event.service} done`)} in ${formatDuration(event.ms)} (a task: it exited 0)`);
          return;
        }
        const probes = event.probes.length > 0 ? ` (${event.probes.join(", ")})` : event.settledMs !== void 0 ? ` (no probes; it outlived its ${formatDuration(event.settledMs)} settle time)` : " (no probes)";
        line(`${green(color, `${event.service} ready`)} in ${formatDuration(event.ms)}${probes}`);
        return;
      }
      case "failed":
        line(red(color, `${event.service} failed: ${event.message}`));
        tail(event.logTail, event.logFile);
        return;
      case "stopping":
        return;
      case "stop-command": {
        const how = event.timedOut ? "timed out" : `exited ${event.code}`;
        line(`${event.service} stop command ${how} after ${formatDuration(event.ms)}: ${event.command}`);
        return;
      }
      case "stopped": {
        const bad = isBadOutcome(event.outcome);
        const said = event.task && event.outcome.kind === "exited" && !bad ? `${event.service} (a task) had finished: ${describeStop(event.outcome).replace(/^had exited/, "exited")}` : `${event.service} ${describeStop(event.outcome)}`;
        const text = event.cost ? `${said}; ${describeCost(event.cost)}` : said;
        line(bad ? red(color, text) : text);
        if (options.logs === "always" || options.logs === "failure" && bad) tail(event.logTail, event.logFile);
        return;
      }
      case "leaked": {
        const list = event.processes.map((process2) => `pid ${process2.pid} (${process2.command})`).join(", ");
        const text = `${event.killed ? "killed" : "could not kill"} ${event.processes.length} leftover process(es) of this run: ${list}`;
        line(event.killed ? yellow(color, text) : red(color, text));
        return;
      }
      case "service-died": {
        const said = describeNote(event);
        note(said.level, said.message);
        tail(event.logTail, event.logFile);
        return;
      }
      case "note":
        note(event.level, event.message);
        return;
      default: {
        const said = describeNote(event);
        note(said.level, said.message);
      }
    }
  };
}
function isBadOutcome(outcome) {
  switch (outcome.kind) {
    case "survivors":
    case "still-listening":
    case "stop-command-failed":
      return true;
    case "exited":
      return outcome.code !== 0 || outcome.signal !== null || outcome.daemonized;
    default:
      return false;
  }
}
function describeStop(outcome) {
  switch (outcome.kind) {
    case "stopped":
      return `stopped (${outcome.signal}, ${formatDuration(outcome.ms)})`;
    case "killed":
      return `killed with SIGKILL after ${formatDuration(outcome.afterMs)} (it ignored the stop signal for its whole ${formatDuration(outcome.graceMs)} grace period)`;
    case "exited": {
      if (outcome.daemonized) {
        return `was no longer running: its command daemonized (exited 0, ${formatDuration(Math.max(0, outcome.afterStartMs))} after start) and the daemon died during the job`;
      }
      const how = outcome.signal ? `was killed by ${outcome.signal}` : `had exited with code ${outcome.code}`;
      return `${how}, ${formatDuration(Math.max(0, outcome.afterStartMs))} after start`;
    }
    case "not-running":
      return outcome.interruptedStopAt === void 0 ? "was not running" : "was not running (an earlier stop, cut short, had stopped it)";
    case "survivors": {
      const list = outcome.processes.map((process2) => `pid ${process2.pid} (${process2.command})`).join(", ");
      const hint = outcome.processes.some((process2) => process2.denied) ? `; bgsvc may not signal it (started with sudo, or another user's): give the service a "stop:" command that stops it` : "";
      return `could NOT be stopped: ${list} still running${hint}`;
    }
    case "still-listening":
      return `could NOT be verified stopped: ${outcome.targets.map(describeOpenTarget).join("; ")}`;
    case "stop-command-failed": {
      const how = outcome.timedOut ? "timed out" : `exited ${outcome.code}`;
      return `may still be running: its stop command ${how}, and bgsvc sees none of its processes to stop itself`;
    }
  }
}
function describeOpenTarget({ target, holders }) {
  if (holders.length > 0) return `${target} still listening, held by ${holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(", ")}`;
  return `${target} still listening; its holder is not visible to bgsvc (started with sudo, another user's, or non-dumpable); give the service a "stop:" command that stops it`;
}
function shouldUseColor(stream, env) {
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0") return true;
  if (env.GITHUB_ACTIONS === "true" || env.GITLAB_CI === "true") return true;
  return stream.isTTY === true;
}

// src/edges/github/constants.ts
var INPUT = {
  services: "services",
  config: "config",
  workingDirectory: "working-directory",
  run: "run",
  name: "name",
  waitOn: "wait-on",
  waitFor: "wait-for",
  logDir: "log-dir",
  stopTimeout: "stop-timeout",
  tail: "tail",
  logOutput: "log-output",
  logOutputIf: "log-output-if",
  logOutputResume: "log-output-resume",
  shutdown: "shutdown",
  shutdownGrace: "shutdown-grace"
};
var OUTPUT = {
  logDir: "log-dir",
  stateFile: "state-file",
  services: "services",
  stdoutLog: "stdout-log",
  stderrLog: "stderr-log"
};
var SAVED = {
  stateDir: "state-dir",
  postOptions: "post-options",
  tailed: "tailed"
};
var DEFAULT_WAIT_FOR_MS = 5 * 6e4;

// src/edges/github/inputs.ts
var import_node_fs27 = require("node:fs");
var import_node_path22 = require("node:path");
init_errors();
init_types();

// src/edges/github/log-policy.ts
var CONDITION_ALIASES = {
  always: "always",
  true: "always",
  never: "never",
  false: "never",
  failure: "failure",
  timeout: "timeout",
  "exit-early": "exit-early",
  // background-action's action.yml spelled it this way, its code the other.
  "early-exit": "exit-early",
  success: "success"
};
var LOG_OUTPUT_IF_FORMS = "failure, always, never, timeout, exit-early or success (comma-separated to combine)";
function parseLogOutputIf(text) {
  const tokens = splitTokens(text);
  if (tokens.length === 0) return ["failure"];
  const unknown = tokens.filter((token) => CONDITION_ALIASES[token] === void 0);
  if (unknown.length > 0) {
    return { error: `unknown value ${unknown.map((token) => JSON.stringify(token)).join(", ")} (expected ${LOG_OUTPUT_IF_FORMS})` };
  }
  return [...new Set(tokens.map((token) => CONDITION_ALIASES[token]))];
}
function parseStreamSwitch(text, fallback) {
  const tokens = splitTokens(text);
  if (tokens.length === 0) return fallback;
  const allowed = ["true", "false", "stdout", "stderr"];
  const unknown = tokens.filter((token) => !allowed.includes(token));
  if (unknown.length > 0) {
    return { error: `unknown value ${unknown.map((token) => JSON.stringify(token)).join(", ")} (expected true, false, stdout, stderr or stdout,stderr)` };
  }
  return tokens.some((token) => token !== "false");
}
function splitTokens(text) {
  return text.toLowerCase().split(/[\s,]+/).filter((token) => token !== "");
}

// src/edges/github/short-form.ts
init_errors();

// src/config/from-values.ts
var import_node_path18 = require("node:path");
init_issues();
init_validate();
function planFromValues(root, options) {
  const issues = new IssueCollector(options.source);
  const plan = validateConfig(root, { cwd: (0, import_node_path18.resolve)(options.cwd), issues, shellExists: options.shellExists, environment: options.environment });
  if (!issues.isEmpty) throw issues.toError();
  return plan;
}

// src/edges/github/short-form.ts
init_names();

// src/edges/github/wait-for.ts
init_duration();
function parseWaitFor(text) {
  return checkDuration(text.trim(), { allowZero: false, bareNumberUnit: "ms" });
}

// src/edges/github/wait-on.ts
init_probe();
var SOURCE = `input "${INPUT.waitOn}"`;
var IGNORED_JSON_KEYS = ["delay", "interval", "simultaneous", "verbose", "log", "window", "tcpTimeout", "httpTimeout"];
function parseWaitOnInput(text) {
  if (text.trim().startsWith("{")) return parseJsonConfig(text);
  const issues = [];
  const probes = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const resource of splitLine(line)) {
      const probe = toBgsvcProbe(resource);
      const parsed = parseProbe(probe);
      if ("error" in parsed) issues.push({ source: SOURCE, line: index + 1, path: "", message: parsed.error });
      else probes.push(probe);
    }
  });
  return issues.length > 0 ? { issues } : { probes };
}
function splitLine(line) {
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return [];
  if (/^(?:log|cmd):/.test(trimmed)) return [trimmed];
  return trimmed.split(",").map((part) => part.trim()).filter((part) => part !== "");
}
function toBgsvcProbe(resource) {
  const relativeFileUrl = /^file:\/\/([^/].*)$/.exec(resource);
  if (relativeFileUrl) return `file:${relativeFileUrl[1]}`;
  const hasScheme = /^[A-Za-z][A-Za-z0-9+._-]*:/.test(resource);
  if (!hasScheme && !/^\d+$/.test(resource)) return `file:${resource}`;
  return resource;
}
function parseJsonConfig(text) {
  const issue2 = (message) => ({ issues: [{ source: SOURCE, path: "", message }] });
  let config;
  try {
    config = JSON.parse(text);
  } catch (error2) {
    return issue2(`looks like a JSON wait-on config but is not valid JSON: ${error2.message}`);
  }
  if (typeof config !== "object" || config === null || Array.isArray(config)) return issue2('a JSON wait-on config must be an object with a "resources" list');
  const record = config;
  const unsupported = Object.keys(record).filter((key) => key !== "resources" && key !== "timeout" && !IGNORED_JSON_KEYS.includes(key));
  if (unsupported.length > 0) {
    return issue2(
      `the JSON wait-on config keys ${unsupported.map((key) => JSON.stringify(key)).join(", ")} are not supported; use the "services" input with object probes ({http: URL, status: [...], headers: {...}}) instead`
    );
  }
  const resources = record.resources;
  if (!Array.isArray(resources) || resources.length === 0 || !resources.every((item) => typeof item === "string")) {
    return issue2('a JSON wait-on config needs a "resources" list of strings');
  }
  const timeout = record.timeout;
  if (timeout !== void 0 && (typeof timeout !== "number" || !(timeout > 0))) {
    return issue2(`"timeout" must be a positive number of milliseconds, got ${JSON.stringify(timeout)}`);
  }
  const probes = [];
  const issues = [];
  resources.forEach((resource, index) => {
    const probe = toBgsvcProbe(resource.trim());
    const parsed = parseProbe(probe);
    if ("error" in parsed) issues.push({ source: SOURCE, path: `resources[${index}]`, message: parsed.error });
    else probes.push(probe);
  });
  if (issues.length > 0) return { issues };
  return timeout === void 0 ? { probes } : { probes, timeoutMs: Math.round(timeout) };
}

// src/edges/github/short-form.ts
function planShortForm(inputs) {
  const issues = [];
  const { commands, script } = splitRunInput(inputs.run);
  if (commands.length === 0) {
    issues.push({ source: `input "${INPUT.run}"`, path: "", message: "is empty: give at least one command" });
  }
  const names = nameServices(commands, { name: inputs.name.trim(), script, runText: inputs.run });
  if (inputs.name.trim() !== "") {
    for (const name of names) {
      const problem = checkServiceName(name);
      if (problem) issues.push({ source: `input "${INPUT.name}"`, path: "", message: problem });
    }
  }
  const waitOn = inputs.waitOn.trim() === "" ? { probes: [] } : parseWaitOnInput(inputs.waitOn);
  if ("issues" in waitOn) issues.push(...waitOn.issues);
  const probes = "probes" in waitOn ? waitOn.probes : [];
  if (commands.length > 1 && probes.some((probe) => probe.startsWith("log:"))) {
    issues.push({
      source: `input "${INPUT.waitOn}"`,
      path: "",
      message: `a "log:" probe reads one service's log, but "${INPUT.run}" starts ${commands.length}; use the "services" input to give each its own wait-on`
    });
  }
  let timeoutMs = ("timeoutMs" in waitOn ? waitOn.timeoutMs : void 0) ?? inputs.defaultTimeoutMs;
  if (inputs.waitFor.trim() !== "") {
    const parsed = parseWaitFor(inputs.waitFor);
    if (typeof parsed === "number") timeoutMs = parsed;
    else issues.push({ source: `input "${INPUT.waitFor}"`, path: "", message: parsed.error });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const config = {
    commands: commands.map((command, index) => ({
      name: names[index],
      command,
      ...probes.length > 0 ? { "wait-on": probes } : {},
      timeout: `${timeoutMs}ms`
    }))
  };
  return planFromValues(config, { source: `input "${INPUT.run}"`, cwd: inputs.cwd, environment: inputs.environment });
}
function splitRunInput(run2) {
  const lines = run2.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  if (lines.length > 1 && looksLikeOneScript(lines)) return { commands: [run2.replace(/^\s*\n|\s+$/g, "")], script: true };
  return { commands: lines.map(dropTrailingAmpersand), script: false };
}
var BACKGROUNDED = /(?:^|[^&])&$/;
var CONTINUED = /(?:\\|&&|\|\||\|)$/;
var HEREDOC = /<<-?\s*['"]?[A-Za-z_]/;
var COMPOUND = /^(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select)\b|^[{}()]/;
var SETS_UP_SHELL = /^(?:cd|pushd|export|source|set|unset|alias|trap|umask|ulimit)\b|^\.\s|^[A-Za-z_][A-Za-z0-9_]*=\S*$/;
function looksLikeOneScript(lines) {
  const backgrounded = lines.filter((line) => BACKGROUNDED.test(line)).length;
  if (backgrounded > 0 && backgrounded < lines.length) return true;
  return lines.some((line) => CONTINUED.test(line) || HEREDOC.test(line) || COMPOUND.test(line) || SETS_UP_SHELL.test(line));
}
function dropTrailingAmpersand(line) {
  return BACKGROUNDED.test(line) ? line.slice(0, -1).trimEnd() : line;
}
function nameServices(commands, options) {
  if (commands.length === 0) return [];
  if (options.name !== "") {
    return commands.length === 1 ? [options.name] : commands.map((_, index) => `${options.name}-${index + 1}`);
  }
  if (options.script) {
    const lines = options.runText.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
    const main = lines.find((line) => BACKGROUNDED.test(line)) ?? lines.at(-1) ?? "run";
    return deriveServiceNames([dropTrailingAmpersand(main)]);
  }
  return deriveServiceNames(commands);
}

// src/edges/github/stop-inputs.ts
init_duration();
function readStopInputs(getInput2) {
  const issues = [];
  const fail = (input, message) => issues.push({ source: `input "${input}"`, path: "", message });
  const text = (name) => getInput2(name).trim();
  const overrides = {};
  if (text(INPUT.stopTimeout) !== "" && text(INPUT.shutdownGrace) !== "") {
    fail(
      INPUT.shutdownGrace,
      `cannot be combined with input "${INPUT.stopTimeout}": both set the grace between the stop signal and SIGKILL; keep one`
    );
  } else if (text(INPUT.stopTimeout) !== "") {
    const parsed = checkDuration(text(INPUT.stopTimeout), { allowZero: true });
    if (typeof parsed === "number") overrides.stopTimeoutMs = parsed;
    else fail(INPUT.stopTimeout, parsed.error);
  } else if (text(INPUT.shutdownGrace) !== "") {
    const parsed = parseWaitFor(text(INPUT.shutdownGrace));
    if (typeof parsed === "number") overrides.stopTimeoutMs = parsed;
    else fail(INPUT.shutdownGrace, parsed.error);
  }
  const shutdown = parseShutdown(text(INPUT.shutdown));
  if (typeof shutdown !== "boolean") fail(INPUT.shutdown, shutdown.error);
  else if (!shutdown) overrides.stopSignal = "SIGKILL";
  return { overrides, shutdown: shutdown !== false, issues };
}
function parseShutdown(text) {
  if (text === "" || /^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return { error: `unknown value ${JSON.stringify(text)} (expected true or false)` };
}
function applyStopOverrides(plan, overrides) {
  if (overrides.stopTimeoutMs === void 0 && overrides.stopSignal === void 0) return plan;
  return { ...plan, services: plan.services.map((service) => ({ ...service, ...overrides })) };
}

// src/edges/github/inputs.ts
var SHORT_FORM_ONLY = [INPUT.name, INPUT.waitOn, INPUT.waitFor];
async function readMainSettings(getInput2, options) {
  const value = (name) => getInput2(name);
  const given = (name) => value(name).trim() !== "";
  const issues = [];
  const fail = (input, message) => issues.push({ source: `input "${input}"`, path: "", message });
  const cwd = (0, import_node_path22.resolve)(options.cwd, value(INPUT.workingDirectory).trim() || ".");
  if (!isDirectory(cwd)) fail(INPUT.workingDirectory, `no such directory: ${cwd}`);
  if (given(INPUT.run)) {
    for (const other of [INPUT.services, INPUT.config]) {
      if (given(other)) {
        fail(INPUT.run, `cannot be combined with input "${other}": "run" is the short form; put every service in "${other}" instead`);
      }
    }
  } else {
    if (given(INPUT.services) && given(INPUT.config)) {
      fail(INPUT.services, `cannot be combined with input "${INPUT.config}": give the services inline or in a file, not both`);
    }
    for (const input of SHORT_FORM_ONLY) {
      if (given(input)) {
        fail(input, `belongs to the short form and needs input "${INPUT.run}"; with "services" or "config", set it per service in the config (wait-on, timeout, name)`);
      }
    }
  }
  const stop = readStopInputs(value);
  issues.push(...stop.issues);
  const logOutputIf = parseLogOutputIf(value(INPUT.logOutputIf));
  if ("error" in logOutputIf) fail(INPUT.logOutputIf, logOutputIf.error);
  const switches = {
    tail: parseStreamSwitch(value(INPUT.tail), false),
    logOutput: parseStreamSwitch(value(INPUT.logOutput), true),
    resume: parseStreamSwitch(value(INPUT.logOutputResume), false)
  };
  const switchInputs = { tail: INPUT.tail, logOutput: INPUT.logOutput, resume: INPUT.logOutputResume };
  for (const [key, parsed] of Object.entries(switches)) {
    if (typeof parsed !== "boolean") fail(switchInputs[key], parsed.error);
  }
  if (!given(INPUT.run) && !given(INPUT.services) && !given(INPUT.config) && issues.length === 0) {
    if (!CONFIG_FILE_NAMES.some((name) => (0, import_node_fs27.existsSync)((0, import_node_path22.resolve)(cwd, name)))) {
      issues.push({
        source: "bgsvc",
        path: "",
        message: `no services given: set the "${INPUT.services}" input (YAML), the "${INPUT.config}" input (a file), or "${INPUT.run}" (+ "${INPUT.waitOn}"), or add ${CONFIG_FILE_NAMES[0]} to ${cwd}`
      });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const plan = given(INPUT.run) ? planShortForm({
    run: value(INPUT.run),
    name: value(INPUT.name),
    waitOn: value(INPUT.waitOn),
    waitFor: value(INPUT.waitFor),
    cwd,
    defaultTimeoutMs: DEFAULT_WAIT_FOR_MS,
    environment: options.environment
  }) : (await Promise.resolve().then(() => (init_load(), load_exports))).loadConfig({
    cwd,
    file: value(INPUT.config).trim(),
    inlineText: value(INPUT.services),
    inlineLabel: `input "${INPUT.services}"`,
    shellExists: options.shellExists,
    environment: options.environment
  });
  return {
    plan: applyStopOverrides(plan, stop.overrides),
    shortForm: given(INPUT.run),
    shutdown: stop.shutdown,
    cwd,
    logDir: given(INPUT.logDir) ? (0, import_node_path22.resolve)(cwd, value(INPUT.logDir).trim()) : void 0,
    tail: switches.tail,
    post: {
      logOutputIf,
      logOutput: switches.logOutput,
      resume: switches.resume
    }
  };
}
function isDirectory(path) {
  try {
    return (0, import_node_fs27.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}

// src/edges/github/raw-lines.ts
function printVerbatim(io, lines) {
  if (lines.length === 0) return;
  const token = `bgsvc-${randomHex(8)}`;
  io.info(`::stop-commands::${token}`);
  for (const line of lines) io.info(line);
  io.info(`::${token}::`);
}
function printLogGroup(io, title, lines, note) {
  io.startGroup(title);
  try {
    if (note) io.info(note);
    printVerbatim(io, lines);
  } finally {
    io.endGroup();
  }
}

// src/edges/github/render.ts
function createGithubEmitter(io, options) {
  let pending = "";
  const write = (text) => {
    const lines = (pending + text).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) io.info(line);
  };
  const terminal = createTerminalEmitter({ write, color: options.color, logs: "never", elapsed: options.elapsed });
  return (event) => {
    switch (event.type) {
      case "failed": {
        terminal({ ...event, logTail: [], logFile: void 0 });
        const where = event.logFile ? ` (log: ${event.logFile})` : "";
        io.error(`${event.message}${where}`, { title: `bgsvc: ${event.service} did not start`, ...options.placeOf?.(event.service) });
        if (event.logFile && event.logTail.length > 0) {
          printLogGroup(io, `${event.service}: last ${event.logTail.length} lines of its log`, event.logTail, `full log: ${event.logFile}`);
        } else if (event.logFile) {
          io.info(`    (log is empty: ${event.logFile})`);
        }
        return;
      }
      case "leaked": {
        const list = event.processes.map((process2) => `pid ${process2.pid} (${process2.command})`).join(", ");
        if (event.killed) io.warning(`killed ${event.processes.length} leftover process(es) that escaped their service's tree: ${list}`, { title: "bgsvc" });
        else io.error(`could not kill ${event.processes.length} process(es) of this run: ${list}`, { title: "bgsvc: processes left running" });
        return;
      }
      case "stopped":
        terminal(event);
        if (leftRunning(event.outcome)) {
          io.error(`${event.service} ${describeStop(event.outcome)}`, { title: `bgsvc: ${event.service} could not be stopped` });
        }
        return;
      case "config":
      case "started":
      case "probe-passed":
      case "waiting":
      case "ready":
      case "stopping":
      case "stop-command":
        terminal(event);
        return;
      default: {
        const said = describeNote(event);
        if (said.level === "warning") io.warning(said.message, { title: "bgsvc" });
        else terminal(event);
      }
    }
  };
}

// src/edges/github/step-location.ts
var import_node_path24 = require("node:path");

// src/edges/github/state-dir.ts
var import_node_fs28 = require("node:fs");
var import_node_os6 = require("node:os");
var import_node_path23 = require("node:path");
function chooseStateDir(env, cwd) {
  if (env.BGSVC_STATE_DIR) return (0, import_node_path23.resolve)(cwd, env.BGSVC_STATE_DIR);
  const base = (0, import_node_path23.join)(env.RUNNER_TEMP || (0, import_node_os6.tmpdir)(), "bgsvc");
  const step = (env.GITHUB_ACTION ?? "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "") || `step-${randomHex(4)}`;
  let dir = (0, import_node_path23.join)(base, step);
  for (let n = 2; (0, import_node_fs28.existsSync)(stateFilePath(dir)); n++) dir = (0, import_node_path23.join)(base, `${step}-${n}`);
  return dir;
}

// src/edges/github/step-location.ts
function locateStep(getInput2, options) {
  const cwd = (0, import_node_path24.resolve)(options.cwd, getInput2(INPUT.workingDirectory).trim() || ".");
  const stateDir = chooseStateDir(options.env, cwd);
  const stateOrigin = options.env.BGSVC_STATE_DIR ? "user" : "default";
  const logDirInput = getInput2(INPUT.logDir).trim();
  return {
    stateDir,
    logDir: logDirInput ? (0, import_node_path24.resolve)(cwd, logDirInput) : (0, import_node_path24.join)(stateDir, "logs"),
    origin: { stateDir: stateOrigin, logDir: logDirInput ? "user" : stateOrigin },
    cwd
  };
}

// src/edges/github/service-env.ts
function serviceEnvironment(env) {
  const kept = {};
  for (const [key, value] of Object.entries(env)) {
    if (!/^(?:INPUT_|STATE_)/.test(key)) kept[key] = value;
  }
  return kept;
}

// src/edges/github/short-form-logs.ts
var import_node_path25 = require("node:path");
function shortFormLogOutputs(plan, logDir) {
  const paths = plan.services.map((service) => (0, import_node_path25.join)(logDir, `${service.name}.log`)).join("\n");
  return { [OUTPUT.stdoutLog]: paths, [OUTPUT.stderrLog]: paths };
}

// src/edges/github/tail.ts
var import_node_fs29 = require("node:fs");
var POLL_MS4 = 200;
var MAX_READ = 1 << 20;
function createLogTailer(writeLine2) {
  const followed = /* @__PURE__ */ new Map();
  const drain = (entry) => {
    const size = sizeOf(entry.file);
    if (size < entry.offset) entry.offset = 0;
    while (entry.offset < size) {
      const chunk = readAt(entry.file, entry.offset, Math.min(size - entry.offset, MAX_READ));
      if (chunk.length === 0) break;
      entry.offset += chunk.length;
      const lines = (entry.partial + chunk.toString("utf8")).split("\n");
      entry.partial = lines.pop() ?? "";
      for (const line of lines) writeLine2(`${entry.service} | ${line.replace(/\r$/, "")}`);
    }
  };
  const timer = setInterval(() => followed.forEach(drain), POLL_MS4);
  timer.unref();
  return {
    follow(service, logFile, fromOffset) {
      followed.set(service, { service, file: logFile, offset: fromOffset, partial: "" });
    },
    drain() {
      followed.forEach(drain);
    },
    stop() {
      clearInterval(timer);
      const offsets = {};
      for (const entry of followed.values()) {
        drain(entry);
        if (entry.partial !== "") writeLine2(`${entry.service} | ${entry.partial}`);
        offsets[entry.service] = entry.offset;
      }
      return offsets;
    }
  };
}
function sizeOf(file) {
  try {
    return (0, import_node_fs29.statSync)(file).size;
  } catch {
    return 0;
  }
}
function readAt(file, position, length) {
  const fd = (0, import_node_fs29.openSync)(file, LOG_READ_FLAGS);
  try {
    const buffer = Buffer.alloc(length);
    const read = (0, import_node_fs29.readSync)(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    (0, import_node_fs29.closeSync)(fd);
  }
}

// src/edges/github/main.ts
async function runActionMain(io, context) {
  try {
    await startAndWait(io, context);
  } catch (error2) {
    if (error2 instanceof UnsafeDirError) return io.setFailed(`bgsvc could not start: ${error2.message}`);
    if (error2 instanceof Error && error2.stack) io.info(error2.stack);
    io.setFailed(`bgsvc failed unexpectedly: ${error2 instanceof Error ? error2.message : String(error2)}`);
  }
}
async function startAndWait(io, context) {
  const began = monotonicMs();
  if (process.platform !== "linux" && process.platform !== "darwin") {
    io.setFailed(`bgsvc runs on Linux and macOS runners only; this one is ${process.platform}`);
    return;
  }
  const location = locateStep((name) => io.getInput(name), context);
  io.setOutput(OUTPUT.logDir, location.logDir);
  io.setOutput(OUTPUT.stateFile, stateFilePath(location.stateDir));
  const environment = serviceEnvironment(context.env);
  let settings;
  try {
    settings = await readMainSettings((name) => io.getInput(name), {
      cwd: context.cwd,
      shellExists: shellLookup(context.env.PATH),
      environment
    });
  } catch (error2) {
    if (!(error2 instanceof ConfigError)) throw error2;
    return reportConfigError(io, error2, { workspace: context.env.GITHUB_WORKSPACE, cwd: location.cwd });
  }
  io.saveState(SAVED.stateDir, location.stateDir);
  io.saveState(SAVED.postOptions, JSON.stringify(settings.post));
  if (settings.shortForm) {
    for (const [name, value] of Object.entries(shortFormLogOutputs(settings.plan, location.logDir))) io.setOutput(name, value);
  }
  if (!settings.shutdown) {
    io.info("bgsvc: shutdown is false: the post step stops the services with SIGKILL, without a graceful shutdown (bgsvc never leaves them running)");
  }
  const where = { workspace: context.env.GITHUB_WORKSPACE, cwd: settings.cwd };
  const render = createGithubEmitter(io, {
    placeOf: (name) => {
      const line = settings.plan.services.find((service) => service.name === name)?.line;
      return placeInFile(settings.plan.source, { line }, where);
    },
    color: shouldUseColor({ isTTY: false }, context.env),
    elapsed: () => monotonicMs() - began
  });
  const tailer = settings.tail ? createLogTailer((line) => io.info(line)) : void 0;
  let lastError;
  const emit = (event) => {
    tailer?.drain();
    render(event);
    if (event.type === "log-dir-unusable") lastError = describeLogDirProblem(event.path, event.problem);
    if (event.type === "started") tailer?.follow(event.service, event.logFile, 0);
  };
  let result;
  try {
    const deps = { platform: context.platform, env: environment, emit };
    result = await startServices({ plan: settings.plan, location, signal: context.signal, deps });
  } finally {
    const tailed = tailer?.stop();
    if (tailed) io.saveState(SAVED.tailed, JSON.stringify(tailed));
  }
  io.setOutput(OUTPUT.services, JSON.stringify(servicesOutput(result)));
  if (result.ok) {
    const { services } = result.state;
    for (const [name, value] of Object.entries(exportedVariables(result.state))) io.exportVariable(name, value);
    const names = services.map((service) => `${service.name} (pid ${service.pid})`).join(", ");
    const count2 = services.length === 1 ? "1 service" : `${services.length} services`;
    io.info(`bgsvc: ${count2} ready in ${formatDuration(monotonicMs() - began)}: ${names}. The post step stops them; logs are in ${location.logDir}`);
    return;
  }
  if (result.aborted) {
    const how = typeof context.signal?.reason === "string" ? ` (${context.signal.reason})` : "";
    io.setFailed(`bgsvc was cancelled${how} while waiting for the services; it stopped the ones it had started`);
    return;
  }
  if (result.state === void 0) {
    io.setFailed(`bgsvc could not start: ${lastError ?? "its state or log directory is unusable"}`);
    return;
  }
  const count = result.failed.length;
  io.setFailed(
    `bgsvc could not start ${count === 1 ? "service" : `${count} services`} ${result.failed.join(", ")}, so it stopped everything it had started; see the ${count === 1 ? "error" : "errors"} above and the log in ${location.logDir}`
  );
}
function servicesOutput(result) {
  const output = {};
  for (const service of result.state?.services ?? []) {
    output[service.name] = {
      pid: service.pid,
      log: service.logFile,
      "ready-ms": service.readyAt === void 0 ? null : service.readyAt - service.startedAt,
      ...service.port === void 0 ? {} : { port: service.port },
      ...service.exports === void 0 ? {} : { export: service.exports }
    };
  }
  return output;
}

// src/entries/main.ts
async function run(options = {}) {
  const cancel = new AbortController();
  const onSignal = (signal) => {
    if (cancel.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143);
    cancel.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await runActionMain(createActionsIo(options), { env: process.env, cwd: process.cwd(), signal: cancel.signal, platform: currentPlatform() });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
void runIfMainScript(__bgsvcModuleUrl, () => run({ directStdout: true }));
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  run
});
