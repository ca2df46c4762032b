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

// src/entries/post.ts
var post_exports = {};
__export(post_exports, {
  run: () => run
});
module.exports = __toCommonJS(post_exports);

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
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
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
  return new Promise((resolve3, reject) => {
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
      resolve3();
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

// src/edges/github/post.ts
var import_node_path5 = require("node:path");

// src/app/stop.ts
var import_node_fs17 = require("node:fs");

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
function openLogForAppend(logFile) {
  return (0, import_node_fs7.openSync)(logFile, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 384);
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
    const [, pid, ppid, pgid, stat, lstart, command] = match;
    rows.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      sid: -1,
      // macOS ps has no session id, only a session pointer
      startTime: (lstart ?? "").replace(/\s+/g, " "),
      zombie: (stat ?? "").startsWith("Z"),
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
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return void 0;
  const fields = text.slice(close + 2).split(" ");
  const startTime = fields[19];
  if (fields.length < 20 || startTime === void 0) return void 0;
  return {
    pid: Number(text.slice(0, open - 1)),
    comm: text.slice(open + 1, close),
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
function isExitingOrExited(stat) {
  return isExitedState(stat.state) || (stat.flags & PF_EXITING) !== 0;
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
  const stat = readProcText(`/proc/${pid}/stat`);
  if (stat === void 0) return void 0;
  const usage = parseUsage(stat, startTime);
  if (!usage) return void 0;
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readProcText(`/proc/${pid}/status`) ?? "");
  return hwm ? { ...usage, peakMemoryBytes: Number(hwm[1]) * 1024 } : usage;
}
function parseUsage(stat, startTime) {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[19] !== startTime) return void 0;
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  if (![utime, stime, cutime, cstime].every(Number.isFinite)) return void 0;
  const ms = (ticks) => Math.round(ticks * 1e3 / TICKS_PER_SECOND);
  return { cpuMs: ms(utime + stime), reapedCpuMs: ms(cutime + cstime) };
}

// src/process/linux-listeners.ts
var import_node_fs9 = require("node:fs");
var TCP_LISTEN = "0A";
function findLinuxListeners(port, startedSince) {
  const inodes = /* @__PURE__ */ new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const inode of listeningInodes(readProcText(table) ?? "", port)) inodes.add(inode);
  }
  return holdersOf(inodes, startedSince);
}
function findLinuxSocketListeners(path, startedSince) {
  return holdersOf(new Set(listeningUnixInodes(readProcText("/proc/net/unix") ?? "", path)), startedSince);
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
function holdersOf(inodes, startedSince) {
  if (inodes.size === 0) return [];
  const since = startedSince !== void 0 && /^\d+$/.test(startedSince) ? Number(startedSince) : void 0;
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
  const stat = readStat(pid);
  return stat !== void 0 && !isExitingOrExited(stat) && (stat.flags & PF_KTHREAD) === 0 && stat.envEnd === 0;
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
    const stat = readStat(pid);
    if (!stat) continue;
    snapshot.processes.set(pid, toProcessInfo(stat));
    if (stat.flags & PF_KTHREAD) snapshot.kernelThreads.add(pid);
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
  const handedOut = to >= from ? (pid) => pid > from && pid <= to : (pid) => pid > from || pid <= to;
  return (pid) => !handedOut(pid);
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
function toProcessInfo(stat) {
  let command;
  return {
    pid: stat.pid,
    ppid: stat.ppid,
    pgid: stat.pgid,
    sid: stat.sid,
    startTime: stat.startTime,
    zombie: isExitedState(stat.state),
    get command() {
      command ??= (readStat(stat.pid)?.startTime === stat.startTime ? readCommandLine(stat.pid) : void 0) ?? `[${stat.comm}]`;
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
        const stat = readStat(pid);
        if (stat && !isExitedState(stat.state)) found.push(toProcessInfo(stat));
      }
      return found;
    },
    isAlive(pid, startTime) {
      if (!processExists(pid)) return false;
      const stat = readStat(pid);
      if (!stat || isExitedState(stat.state)) return false;
      return startTime === void 0 || stat.startTime === startTime;
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
        const stat = child === "" ? void 0 : readStat(Number(child));
        if (stat) children[isExitingOrExited(stat) ? "exiting" : "live"] += 1;
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

// src/remove-file.ts
var import_node_fs11 = require("node:fs");
function removeFile(path) {
  try {
    (0, import_node_fs11.unlinkSync)(path);
  } catch (error2) {
    if (error2.code !== "ENOENT") throw error2;
  }
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
  for (const recorded of rules.adopted ?? []) {
    const info2 = processes.get(recorded.pid);
    if (info2 && !info2.zombie && recorded.startTime !== "" && info2.startTime === recorded.startTime) adopt(info2);
  }
  for (const info2 of processes.values()) {
    if (visited.has(info2.pid) || info2.zombie || spared.has(info2.pid)) continue;
    if (snapshot.envMatches(info2.pid, rules.cookie)) adopt(info2);
  }
  return { processes: ours, leaderVerified };
}
function isRecordedLeader(leader, snapshot, rules) {
  const recorded = rules.leader?.startTime ?? "";
  if (recorded !== "") return leader.startTime === recorded;
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
  return new Promise((resolve3) => {
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
      resolve3({ code, signal, timedOut, output: captured, ms: monotonicMs() - started });
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

// src/state/schema.ts
var STATE_SCHEMA = "bgsvc-state";
var STATE_VERSION = 1;

// src/state/outcomes.ts
function leftRunning(outcome) {
  return outcome.kind === "survivors" || outcome.kind === "still-listening";
}

// src/state/store.ts
var import_node_fs13 = require("node:fs");
var import_node_os4 = require("node:os");
var import_node_path3 = require("node:path");

// src/state/dir-safety.ts
var import_node_fs12 = require("node:fs");
var import_node_path2 = require("node:path");
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
    { path: (0, import_node_path2.resolve)(location.stateDir), role: "state dir", origin: origin.stateDir, sticky: false },
    // The sh wrapper writes `<run>/<name>.exit` through `$3.$$.tmp` + mv: safe
    // because this dir is owner-only (checked here), so nobody else can plant
    // that predictable temp name.
    { path: (0, import_node_path2.resolve)(location.stateDir, "run"), role: "run dir", origin: origin.stateDir, sticky: false },
    // A sticky log dir (/tmp itself) is fine: every log is created fresh with
    // O_EXCL | O_NOFOLLOW, and the sticky bit stops others renaming ours.
    { path: (0, import_node_path2.resolve)(location.logDir), role: "log dir", origin: origin.logDir, sticky: true }
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
    stats = (0, import_node_fs12.lstatSync)(path, { throwIfNoEntry: false });
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
  const { root } = (0, import_node_path2.parse)(path);
  let current = root;
  for (const part of (0, import_node_path2.dirname)(path).slice(root.length).split("/").filter(Boolean)) {
    current = (0, import_node_path2.join)(current, part);
    let stats;
    try {
      stats = (0, import_node_fs12.lstatSync)(current, { throwIfNoEntry: false });
    } catch {
      stats = void 0;
    }
    if (!stats) return void 0;
    if (!trusted.has(stats.uid)) return foreignAbove(current, stats);
    if (stats.isSymbolicLink() && depth < 8) {
      let target;
      try {
        target = (0, import_node_fs12.realpathSync)(current);
      } catch {
        return void 0;
      }
      const above = findUnsafeAncestor((0, import_node_path2.join)(target, "."), trusted, depth + 1) ?? checkOwner(target, trusted);
      if (above) return above;
    }
  }
  return void 0;
}
function checkOwner(path, trusted) {
  const stats = (0, import_node_fs12.lstatSync)(path);
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
      trusted.add((0, import_node_fs12.statSync)(cwd).uid);
    } catch {
    }
  }
  return trusted;
}
function makePrivateDirs(path) {
  const missing = [];
  for (let current = path; !exists(current); current = (0, import_node_path2.dirname)(current)) {
    missing.unshift(current);
    if ((0, import_node_path2.dirname)(current) === current) break;
  }
  for (const dir of missing) {
    try {
      (0, import_node_fs12.mkdirSync)(dir, { mode: 448 });
    } catch (error2) {
      if (error2.code === "EEXIST") continue;
      return;
    }
    (0, import_node_fs12.chmodSync)(dir, 448);
  }
}
function exists(path) {
  try {
    return (0, import_node_fs12.lstatSync)(path, { throwIfNoEntry: false }) !== void 0;
  } catch {
    return false;
  }
}

// src/state/store.ts
var STATE_FILE_NAME = "state.json";
function stateFilePath(stateDir) {
  return (0, import_node_path3.join)(stateDir, STATE_FILE_NAME);
}
function ensurePrivateDir(dir) {
  const created = (0, import_node_fs13.mkdirSync)(dir, { recursive: true, mode: 448 });
  if (created === void 0) return;
  try {
    (0, import_node_fs13.chmodSync)(dir, 448);
  } catch {
  }
}
function writeState(state) {
  ensurePrivateDir(state.stateDir);
  writeAtomically(stateFilePath(state.stateDir), `${JSON.stringify(state, null, 2)}
`);
}
function envFilePath(stateDir) {
  return (0, import_node_path3.join)(stateDir, "env");
}
function writeEnvFile(stateDir, text) {
  if (text === void 0) removeFile(envFilePath(stateDir));
  else writeAtomically(envFilePath(stateDir), text);
}
function writeAtomically(target, text) {
  const temp = `${target}.${randomHex(8)}.tmp`;
  try {
    (0, import_node_fs13.writeFileSync)(temp, text, { mode: 384, flag: "wx" });
    (0, import_node_fs13.renameSync)(temp, target);
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
  const fd = (0, import_node_fs13.openSync)(path, import_node_fs13.constants.O_RDONLY | import_node_fs13.constants.O_NOFOLLOW);
  try {
    const stats = (0, import_node_fs13.fstatSync)(fd);
    const uid = process.getuid?.();
    if (uid !== void 0 && stats.uid !== uid) {
      throw new UnsafeDirError({
        path: (0, import_node_path3.join)(path, ".."),
        role: "state dir",
        origin: "default",
        problem: `its state.json belongs to uid ${stats.uid}, not to you (uid ${uid})`,
        ownerUid: stats.uid,
        mode: stats.mode & 4095
      });
    }
    return (0, import_node_fs13.readFileSync)(fd, "utf8");
  } finally {
    (0, import_node_fs13.closeSync)(fd);
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
var import_node_fs14 = require("node:fs");
var import_node_path4 = require("node:path");
var POLL_MS2 = 20;
async function withStateLock(options, work) {
  const path = (0, import_node_path4.join)(options.stateDir, "lock");
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
  (0, import_node_fs14.writeFileSync)(temp, JSON.stringify(self), { mode: 384, flag: "wx" });
  try {
    (0, import_node_fs14.linkSync)(temp, path);
    return void 0;
  } catch (error2) {
    if (error2.code !== "EEXIST") throw error2;
  } finally {
    removeFile(temp);
  }
  try {
    const holder = JSON.parse((0, import_node_fs14.readFileSync)(path, "utf8"));
    return typeof holder.pid === "number" ? holder : null;
  } catch {
    return null;
  }
}

// src/state/batched-write.ts
function batchedStateWriter(state, write = writeState) {
  let next;
  return () => {
    next ??= new Promise((resolve3, reject) => {
      setImmediate(() => {
        next = void 0;
        try {
          write(state);
          resolve3();
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

// src/app/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/config/names.ts
function portVariable(service) {
  return `BGSVC_PORT_${service.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}`;
}

// src/report/exported-env.ts
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
var import_node_fs16 = require("node:fs");

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

// src/probes/log-scanner.ts
var CHUNK_BYTES = 64 * 1024;
var MAX_LINE_CHARS = 64 * 1024;

// src/probes/connect.ts
var GRACEFUL_CLOSE_MS = 250;
function connectOnce(target, options) {
  const started = monotonicMs();
  if (options.signal.aborted) return Promise.resolve(`no connection after ${formatMs(0)}`);
  return new Promise((resolve3) => {
    let failure = "closed before connecting";
    let settled = false;
    const socket = net().connect(target);
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener("abort", giveUp);
      resolve3(failure);
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

// src/probes/listening.ts
var ATTEMPT_TIMEOUT_MS = 200;
var POLL_MS3 = 25;
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
  const options = { timeoutMs: ATTEMPT_TIMEOUT_MS, signal };
  if (target.kind === "socket") return await connectOnce({ path: target.path }, options) === void 0;
  const attempts = probeAddresses(target.host).map((host) => connectOnce({ host, port: target.port }, options));
  return (await Promise.all(attempts)).some((failure) => failure === void 0);
}

// src/report/log-tail.ts
var import_node_fs15 = require("node:fs");
var CHUNK = 64 * 1024;
function readLogTail(file, lines = 20) {
  let fd;
  try {
    fd = (0, import_node_fs15.openSync)(file, import_node_fs15.constants.O_RDONLY | import_node_fs15.constants.O_NOFOLLOW);
  } catch {
    return [];
  }
  try {
    const size = (0, import_node_fs15.fstatSync)(fd).size;
    let position = size;
    let text = "";
    while (position > 0 && countNewlines(text) <= lines && size - position < 16 * CHUNK) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      (0, import_node_fs15.readSync)(fd, buffer, 0, length, position);
      text = buffer.toString("utf8") + text;
    }
    const all = text.split("\n");
    if (all.at(-1) === "") all.pop();
    if (position > 0) all.shift();
    return all.slice(-lines).map((line) => line.replace(/\r$/, ""));
  } finally {
    (0, import_node_fs15.closeSync)(fd);
  }
}
function countNewlines(text) {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
function logSize(file) {
  try {
    return (0, import_node_fs15.statSync)(file).size;
  } catch {
    return 0;
  }
}

// src/app/service-ref.ts
function processesOf(record, stateId) {
  const ref = { pid: record.pid, startTime: record.startTime, cookie: { BGSVC_ID: stateId, BGSVC_SERVICE: record.name } };
  if (record.adopted) ref.adopted = record.adopted;
  return ref;
}

// src/app/stop-service.ts
var LOG_TAIL_LINES = 20;
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
      logTail: readLogTail(record.logFile, LOG_TAIL_LINES),
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
    if (fd !== void 0) (0, import_node_fs16.closeSync)(fd);
  }
}
function exitedOutcome(record, exit) {
  const daemonized = !record.task && (record.daemonized ?? (exit.code === 0 && record.readyAt !== void 0 && exit.atMs <= record.readyAt));
  return { kind: "exited", code: exit.code, signal: exit.signal, atMs: exit.atMs, afterStartMs: exit.atMs - record.startedAt, daemonized };
}

// src/app/stop.ts
async function stopFromState(location, options) {
  assertSafeLocation(location, { create: false });
  if (!(0, import_node_fs17.existsSync)(location.stateDir)) return stopLocked(location, options);
  return holdingStateLock(location.stateDir, options.deps, () => stopLocked(location, options));
}
async function stopLocked(location, options) {
  const { emit, platform: platform2 } = options.deps;
  const read = readState(location.stateDir);
  if (read.kind === "missing") {
    emit({ type: "nothing-to-stop", reason: "no-state-file", path: read.path });
    return emptyReport();
  }
  if (read.kind === "invalid") {
    emit({
      type: "state-unusable",
      path: read.path,
      problem: read.problem,
      ...read.id ? { recovery: "sweep", id: read.id } : { recovery: "none" }
    });
    if (read.id) await sweepLeaked(read.id, emit, platform2);
    return emptyReport();
  }
  return stopRecordedServices(ServiceStore.of(read.state), options);
}
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
function emptyReport() {
  return { outcomes: /* @__PURE__ */ new Map(), survivors: false, nothingToDo: true };
}

// src/config/duration.ts
var UNIT_MS = {
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
var MAX_DURATION_MS = 24 * UNIT_MS.h;
function durationForms(bareNumberUnit = "s") {
  return bareNumberUnit === "ms" ? "a number of milliseconds (in wait-for and shutdown-grace, as in background-action; elsewhere a bare number is seconds), or numbers with units ms, s, m or h, e.g. 500ms, 30s, 5m, 1h30m" : "a number of seconds, or numbers with units ms, s, m or h, e.g. 500ms, 30s, 2m, 1h30m";
}
var DURATION_FORMS = durationForms("s");
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

// src/report/service-end.ts
function serviceEnd(record, state) {
  if (record.startFailure) {
    const { reason, exit, at } = record.startFailure;
    return exit ? { kind: "start-failed", reason, exit, at } : { kind: "start-failed", reason, at };
  }
  const outcome = record.stopOutcome;
  if (record.readyAt === void 0) {
    return outcome ? { kind: "start-abandoned", because: startEndedBy(state), stop: outcome } : { kind: "start-abandoned", because: startEndedBy(state) };
  }
  if (outcome !== void 0 && leftRunning(outcome)) return { kind: "left-running", outcome };
  if (record.task) return { kind: "task-done", at: record.readyAt, afterStartMs: record.readyAt - record.startedAt };
  if (outcome === void 0) return { kind: "running" };
  if (outcome.kind === "exited") {
    if (outcome.daemonized) return { kind: "daemon-gone" };
    return { kind: "exited", code: outcome.code, signal: outcome.signal, at: outcome.atMs, afterStartMs: outcome.afterStartMs };
  }
  const result = state.startResult;
  if (result !== void 0 && result.outcome !== "ready") return { kind: "stopped", outcome, because: startEndedBy(state) };
  return { kind: "stopped", outcome };
}
function startEndedBy(state) {
  const result = state.startResult;
  if (result === void 0) return "interrupted";
  if (result.failed.length > 0) return { failed: result.failed };
  return result.outcome === "cancelled" ? "cancelled" : "interrupted";
}
function isTrouble(end) {
  switch (end.kind) {
    case "start-failed":
    case "left-running":
    case "daemon-gone":
      return true;
    case "exited":
      return end.code !== 0 || end.signal !== null;
    case "stopped":
      return end.outcome.kind === "stop-command-failed";
    case "start-abandoned":
    case "task-done":
    case "running":
      return false;
  }
}
function exitOf(end) {
  if (end.kind === "exited") return { at: end.at, code: end.code, signal: end.signal };
  if (end.kind === "task-done") return { at: end.at, code: 0, signal: null };
  if (end.kind === "start-failed" && end.exit) return { at: end.at, code: end.exit.code, signal: end.exit.signal };
  return void 0;
}

// src/report/stop-outcome.ts
function describeStopOutcome(outcome) {
  switch (outcome.kind) {
    case "stopped":
      return `stopped (${outcome.signal})`;
    case "killed":
      return "killed after grace";
    case "exited":
      return outcome.signal ? `exited (${outcome.signal})` : `exited ${outcome.code}`;
    case "not-running":
      return outcome.interruptedStopAt === void 0 ? "not running" : "stopped by an interrupted stop";
    case "survivors":
      return `could not stop ${outcome.processes.length} process(es)`;
    case "still-listening":
      return `still listening on ${outcome.targets.map((item) => item.target).join(", ")}`;
    case "stop-command-failed":
      return outcome.timedOut ? "stop command timed out" : `stop command exited ${outcome.code}`;
  }
}

// src/report/cost-words.ts
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
var SAVED = {
  stateDir: "state-dir",
  postOptions: "post-options",
  tailed: "tailed"
};
var DEFAULT_WAIT_FOR_MS = 5 * 6e4;
var LOG_GROUP_MAX_LINES = 200;

// src/edges/github/post-options.ts
var DEFAULT_POST_OPTIONS = { logOutputIf: ["failure"], logOutput: true, resume: false };

// src/edges/github/log-groups.ts
var import_node_fs18 = require("node:fs");

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

// src/edges/github/log-groups.ts
function printServiceLog(io, log, maxLines) {
  const size = logSize(log.logFile);
  const from = log.fromOffset <= size ? log.fromOffset : 0;
  if (size === 0) {
    io.info(`${log.name}: its log is empty (${log.logFile})`);
    return;
  }
  if (from >= size) {
    io.info(`${log.name}: nothing new in its log since main's tail (${log.logFile})`);
    return;
  }
  const total = countLines(log.logFile, from);
  const lines = readLogTail(log.logFile, Math.min(total, maxLines));
  const resumed = from > 0 ? " new" : "";
  const title = `${log.name} (${total}${resumed} ${total === 1 ? "line" : "lines"})`;
  const note = lines.length < total ? `last ${lines.length} of ${total} lines; full log: ${log.logFile}` : `${from > 0 ? "after what main tailed; " : ""}log: ${log.logFile}`;
  printLogGroup(io, title, lines, note);
}
var CHUNK2 = 1 << 20;
function countLines(file, from = 0) {
  let fd;
  try {
    fd = (0, import_node_fs18.openSync)(file, LOG_READ_FLAGS);
  } catch {
    return 0;
  }
  try {
    const buffer = Buffer.alloc(CHUNK2);
    let position = from;
    let count = 0;
    let last = 10;
    for (; ; ) {
      const read = (0, import_node_fs18.readSync)(fd, buffer, 0, CHUNK2, position);
      if (read === 0) break;
      for (let i = 0; i < read; i++) if (buffer[i] === 10) count++;
      last = buffer[read - 1];
      position += read;
    }
    return last === 10 ? count : count + 1;
  } finally {
    (0, import_node_fs18.closeSync)(fd);
  }
}

// src/edges/github/log-policy.ts
function shouldPrintLog(conditions, reason) {
  if (conditions.includes("never") && !conditions.includes("always")) return false;
  return conditions.some((condition) => {
    switch (condition) {
      case "always":
        return true;
      case "never":
        return false;
      case "failure":
        return reason !== "success";
      default:
        return condition === reason;
    }
  });
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

// src/edges/github/service-env.ts
function serviceEnvironment(env) {
  const kept = {};
  for (const [key, value] of Object.entries(env)) {
    if (!/^(?:INPUT_|STATE_)/.test(key)) kept[key] = value;
  }
  return kept;
}

// src/edges/github/timeline-axis.ts
var MAX_TICKS = 10;
var MS = { step: [1, 2, 5, 10, 20, 50, 100, 200, 500], scale: 1, format: "+%Qms" };
var SECONDS = { step: [1, 2, 5, 10, 15, 30], scale: 1, format: "+%ss" };
var MINUTES = { step: [1, 2, 5, 10, 15, 30], scale: 60, format: "+%sm" };
var HOURS = { step: [1, 2, 3, 6, 12, 24], scale: 3600, format: "+%sh" };
var CANDIDATES = [
  ...MS.step.map((n) => ({ tickMs: n, axis: { scale: MS.scale, format: MS.format, tickChartMs: n } })),
  ...[SECONDS, MINUTES, HOURS].flatMap(
    (unit) => unit.step.map((n) => ({ tickMs: n * 1e3 * unit.scale, axis: { scale: unit.scale, format: unit.format, tickChartMs: n * 1e3 } }))
  )
];
function chooseAxis(spanMs) {
  const fitting = CANDIDATES.find((candidate) => spanMs / candidate.tickMs <= MAX_TICKS);
  return (fitting ?? CANDIDATES[CANDIDATES.length - 1]).axis;
}

// src/edges/github/summary-timeline.ts
var MAX_PROBE_LABEL_CHARS = 48;
function renderGantt(rows, options = {}) {
  const origin = options.origin ?? Math.min(...rows.map((row) => row.startedAt));
  const last = Math.max(...rows.map((row) => row.endedAt));
  const axis = chooseAxis(Math.max(1, last - origin));
  const toChart = (at) => Math.round(Math.max(0, at - origin) / axis.scale);
  const lines = [
    "```mermaid",
    "gantt",
    "    title Service timeline (time since the start began)",
    // x: plain numbers, so no date parsing or time zone is involved (see timeline-axis.ts).
    "    dateFormat x",
    `    axisFormat ${axis.format}`,
    `    tickInterval ${axis.tickChartMs}millisecond`
  ];
  if (axis.scale !== 1) lines.push(`    %% times below are in units of ${axis.scale} ms since the start began`);
  for (const row of rows) {
    lines.push(`    section ${row.name}`);
    for (const bar of serviceBars(row)) {
      const start = toChart(bar.start);
      const end = bar.tags.includes("milestone") ? start : Math.max(toChart(bar.end), start + 1);
      lines.push(`    ${mermaidText(bar.label)} :${[...bar.tags, start, end].join(", ")}`);
    }
  }
  lines.push("```");
  return lines;
}
function serviceBars(row) {
  const ended = row.exited?.at ?? row.endedAt;
  const stopping = row.exited === void 0 ? row.stoppingAt : void 0;
  const bars = [];
  const waitEnd = row.readyAt ?? stopping ?? ended;
  bars.push({ label: waitingLabel(row.probes), tags: [row.readyAt === void 0 ? "crit" : "done"], start: row.startedAt, end: waitEnd });
  if (row.readyAt !== void 0 && row.readyAt < (stopping ?? ended)) {
    bars.push({ label: "running", tags: ["active"], start: row.readyAt, end: stopping ?? ended });
  }
  if (stopping !== void 0) bars.push({ label: "stopping", tags: ["done"], start: stopping, end: ended });
  bars.push({ ...endMark(row), start: ended, end: ended });
  return bars;
}
function endMark(row) {
  if (row.exited) {
    const { code, signal } = row.exited;
    const label = signal ? `killed by ${signal}` : `exit ${code}`;
    return { label, tags: code === 0 && !signal ? ["milestone"] : ["crit", "milestone"] };
  }
  if (row.stopFailed) return { label: "not stopped", tags: ["crit", "milestone"] };
  return { label: "stopped", tags: ["done", "milestone"] };
}
function waitingLabel(probes) {
  if (probes.length === 0) return "starting";
  const all = `waiting for ${probes.join(", ")}`;
  return all.length > MAX_PROBE_LABEL_CHARS ? `${all.slice(0, MAX_PROBE_LABEL_CHARS - 1)}…` : all;
}
function mermaidText(text) {
  return text.replace(/[^A-Za-z0-9 ._/+\-=@?*()[\],]/gu, (char) => `#${char.codePointAt(0)};`);
}

// src/edges/github/summary.ts
var MAX_COMMAND_CHARS = 80;
function renderSummary(rows, options) {
  const lines = ["### Background services (bgsvc)", ""];
  if (rows.length === 0) {
    lines.push("No service was started.", "");
    return lines.join("\n");
  }
  lines.push(
    "| service | command | waited on | ready in | ran for | how it ended | peak memory | CPU time | log size |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  );
  for (const row of rows) {
    const ready = row.readyAt === void 0 ? "not ready" : formatDuration(row.readyAt - row.startedAt);
    const ended = row.trouble ? `**${escapeCell(row.ended)}**` : escapeCell(row.ended);
    lines.push(
      `| ${row.name} | <code>${escapeCell(shorten(row.command))}</code> | ${waitedOn(row.probes)} | ${ready} | ${formatDuration(Math.max(0, row.endedAt - row.startedAt))} | ${ended} | ${describePeakMemory(row.cost)} | ${describeCpuTime(row.cost)} | ${formatSize(row.logBytes)} |`
    );
  }
  lines.push("", `Logs: <code>${escapeCell(options.logDir)}</code> (upload them with \`actions/upload-artifact\` and the step's \`log-dir\` output).`, "");
  lines.push(...renderGantt(rows, { origin: options.origin }), "");
  return lines.join("\n");
}
function waitedOn(probes) {
  if (probes.length === 0) return "no probe";
  return probes.map((probe) => `<code>${escapeCell(shorten(probe))}</code>`).join("<br>");
}
function shorten(command) {
  const flat = command.replace(/\s+/g, " ").trim();
  return flat.length > MAX_COMMAND_CHARS ? `${flat.slice(0, MAX_COMMAND_CHARS - 1)}…` : flat;
}
function escapeCell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/`/g, "&#96;");
}
function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// src/edges/github/post.ts
async function runActionPost(io, context) {
  try {
    await stopAndReport(io, context);
  } catch (error2) {
    if (error2 instanceof UnsafeDirError) return io.setFailed(`bgsvc post step: ${error2.message}`);
    io.warning(`bgsvc post step: ${error2 instanceof Error ? error2.message : String(error2)}`, { title: "bgsvc" });
  }
}
async function stopAndReport(io, context) {
  const began = monotonicMs();
  const stateDir = io.getState(SAVED.stateDir);
  if (stateDir === "") {
    io.info("bgsvc: nothing to stop: the main step did not start any service");
    return;
  }
  const options = readPostOptions(io.getState(SAVED.postOptions));
  const tailed = readRecord(io.getState(SAVED.tailed));
  const stoppingAt = /* @__PURE__ */ new Map();
  let unkillable = false;
  const render = createGithubEmitter(io, {
    color: shouldUseColor({ isTTY: false }, context.env),
    elapsed: () => monotonicMs() - began
  });
  const emit = (event) => {
    if (event.type === "stopping") stoppingAt.set(event.service, Date.now());
    if (event.type === "leaked" && !event.killed) unkillable = true;
    render(event);
  };
  const report = await stopFromState(
    { stateDir, logDir: (0, import_node_path5.join)(stateDir, "logs"), cwd: context.cwd },
    { deps: { platform: context.platform, env: serviceEnvironment(context.env), emit } }
  );
  if (report.survivors || unkillable) {
    io.setFailed("bgsvc could not stop every process it started (see the errors above); they may still be running on this runner");
  }
  const read = readState(stateDir);
  if (read.kind !== "ok") return;
  const { state } = read;
  const ends = new Map(state.services.map((record) => [record.name, serviceEnd(record, state)]));
  for (const record of state.services) {
    const end = ends.get(record.name);
    if (end.kind === "exited" || end.kind === "daemon-gone") {
      if (isTrouble(end)) io.warning(describeDeath2(record, end), { title: `bgsvc: ${record.name} died during the job` });
    }
  }
  if (options.logOutput) {
    for (const record of state.services) {
      if (!shouldPrintLog(options.logOutputIf, logReason(ends.get(record.name)))) continue;
      const fromOffset = options.resume ? tailed[record.name] ?? 0 : 0;
      printServiceLog(io, { name: record.name, logFile: record.logFile, fromOffset }, LOG_GROUP_MAX_LINES);
    }
  }
  if (!context.env.GITHUB_STEP_SUMMARY) return;
  const rows = state.services.map((record) => summaryRow(record, ends.get(record.name), stoppingAt.get(record.name)));
  try {
    await io.appendSummary(renderSummary(rows, { logDir: state.logDir, origin: state.createdAt }));
  } catch (error2) {
    io.warning(`bgsvc could not write the job summary: ${error2 instanceof Error ? error2.message : String(error2)}`, { title: "bgsvc" });
  }
}
function describeDeath2(record, end) {
  if (end.kind === "daemon-gone") {
    return `${record.name}'s daemon was no longer running when the post step came to stop it (its command had exited 0 to daemonize); log: ${record.logFile}`;
  }
  const how = end.signal ? `was killed by ${end.signal}` : `exited with code ${end.code}`;
  const at = new Date(end.at).toISOString().replace(/\.\d+Z$/, "Z");
  const sinceReady = record.readyAt === void 0 ? "" : `, ${formatDuration(Math.max(0, end.at - record.readyAt))} after it was ready`;
  return `${record.name} ${how} at ${at} (${formatDuration(Math.max(0, end.afterStartMs))} after start${sinceReady}), before the post step; log: ${record.logFile}`;
}
function logReason(end) {
  switch (end.kind) {
    case "start-failed":
      return end.reason === "timeout" ? "timeout" : end.reason === "exited" ? "exit-early" : "failure";
    case "exited":
      return "exit-early";
    case "start-abandoned":
      return end.because === "interrupted" ? "failure" : "success";
    default:
      return isTrouble(end) ? "failure" : "success";
  }
}
function summaryRow(record, end, stoppingAt) {
  const exited = exitOf(end);
  const stopped = end.kind === "stopped" || end.kind === "left-running" || end.kind === "start-abandoned" && end.stop !== void 0;
  return {
    name: record.name,
    command: record.command,
    startedAt: record.startedAt,
    readyAt: record.readyAt,
    stoppingAt: stopped ? stoppingAt : void 0,
    endedAt: exited?.at ?? record.stoppedAt ?? Date.now(),
    ended: describeEnd(end),
    trouble: isTrouble(end),
    logBytes: logSize(record.logFile),
    probes: record.probes,
    exited,
    stopFailed: end.kind === "left-running",
    ...record.cost && { cost: record.cost }
  };
}
function describeEnd(end) {
  switch (end.kind) {
    case "start-failed":
      if (end.reason === "exited" && end.exit) {
        return `${end.exit.signal ? `killed by ${end.exit.signal}` : `exited ${end.exit.code}`} before it was ready`;
      }
      return end.reason === "timeout" ? "not ready by its deadline, then stopped" : "failed to start";
    case "start-abandoned":
      return `never ready; stopped because ${describeStartEnd(end.because)}`;
    case "exited":
      return `${end.signal ? `killed by ${end.signal}` : `exited ${end.code}`} during the job`;
    case "daemon-gone":
      return "daemon gone before post";
    case "task-done":
      return `task: done in ${formatDuration(end.afterStartMs)} (exit 0)`;
    case "stopped":
      return end.because === void 0 ? describeStopOutcome(end.outcome) : `${describeStopOutcome(end.outcome)} because ${describeStartEnd(end.because)}`;
    case "left-running":
      return `could not be stopped: ${describeStopOutcome(end.outcome)}`;
    case "running":
      return "still running";
  }
}
function describeStartEnd(because) {
  if (because === "cancelled") return "the start was cancelled";
  if (because === "interrupted") return "the main step ended first";
  return `${because.failed.join(", ")} failed`;
}
function readPostOptions(text) {
  const parsed = readRecord(text);
  const conditions = Array.isArray(parsed.logOutputIf) ? parsed.logOutputIf : DEFAULT_POST_OPTIONS.logOutputIf;
  return {
    logOutputIf: conditions,
    logOutput: typeof parsed.logOutput === "boolean" ? parsed.logOutput : DEFAULT_POST_OPTIONS.logOutput,
    resume: typeof parsed.resume === "boolean" ? parsed.resume : DEFAULT_POST_OPTIONS.resume
  };
}
function readRecord(text) {
  if (text === "") return {};
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

// src/entries/post.ts
async function run(options = {}) {
  const io = createActionsIo(options);
  const onSignal = (signal) => io.info(`bgsvc: ${signal} received; finishing the stop first`);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await runActionPost(io, { env: process.env, cwd: process.cwd(), platform: currentPlatform() });
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
