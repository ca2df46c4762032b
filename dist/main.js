#!/usr/bin/env node
import { createRequire as __bgsvcCreateRequire } from 'node:module';
const require = __bgsvcCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
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

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity2.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity2.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity2.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity2.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity2.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity2.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity2.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity2.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity2.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error2) {
            onError(String(error2));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity2.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity2.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity2.isScalar(ref.node) || identity2.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error2 = new Error("Failed to resolve repeated object (this should not happen)");
              error2.source = source;
              throw error2;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity2.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity2 = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity2.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity2.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity2.isAlias(node) || identity2.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity2.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity2.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity2.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity2.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity2.isDocument(value))
        value = value.contents;
      if (identity2.isNode(value))
        return value;
      if (identity2.isPair(value)) {
        const map = ctx.schema[identity2.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity2.MAP] : Symbol.iterator in Object(value) ? schema[identity2.SEQ] : schema[identity2.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity2 = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity2.isNode(it) || identity2.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity2.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity2.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity2.isScalar(node) ? node.value : node;
        else
          return identity2.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity2.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity2.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity2.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity2.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity2 = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity2.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity2.isScalar(node) || identity2.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity2.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity2.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity2.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity2.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity2.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity2.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity2.isCollection(key) || !identity2.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity2.isCollection(key) || (identity2.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity2.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity2.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity2.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity2.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug2(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning2) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning2);
        else
          console.warn(warning2);
      }
    }
    exports.debug = debug2;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity2.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity2.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity2.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity2.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity2 = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity2.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity2.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity2 = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity2.isNode(key))
          key = key.clone(schema);
        if (identity2.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity2.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity2.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity2.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity2.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity2.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity2.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity2.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity2.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity2.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity2.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity2.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity2.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity2.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity2.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity2.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity2.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity2.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity2.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity2.isPair(item))
            continue;
          else if (identity2.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity2.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity2.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity2.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity2.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity2.isPair(pair) ? identity2.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity2.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity2.MAP, { value: map.map });
        Object.defineProperty(this, identity2.SCALAR, { value: string.string });
        Object.defineProperty(this, identity2.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity2.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity2.NODE_TYPE]: { value: identity2.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity2.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity2.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity2.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity2.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity2.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity2.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity2.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity2.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError2 = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error2) => {
      if (error2.pos[0] === -1)
        return;
      error2.linePos = error2.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error2.linePos[0];
      error2.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error2.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error2.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError2;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity2.isScalar(a) && identity2.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity2.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity2.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error2 = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error2 === -1)
            error2 = offset + i;
        }
      }
      if (error2 !== -1)
        onError(error2, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity2.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity2.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity2.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error2) {
        const msg = error2 instanceof Error ? error2.message : String(error2);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity2.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity2.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity2.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity2.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error2) {
            const message = error2 instanceof Error ? error2.message : String(error2);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity2.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity2 = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning2) => {
          const pos = getErrorPos(source);
          if (warning2)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity2.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity2.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning2) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning2);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error2 = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error2);
            else
              this.doc.errors.push(error2);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty2(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty2(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty2(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty2(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty2(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty2(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty2(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty2(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty2(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty2(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty2(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty2(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error2) {
        const token = error2 ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it.sep)
                this.stack.push(fs2);
              else
                Object.assign(it, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity2 = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning2) => log.warn(doc.options.logLevel, warning2));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity2.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity2.isAlias;
    exports.isCollection = identity2.isCollection;
    exports.isDocument = identity2.isDocument;
    exports.isMap = identity2.isMap;
    exports.isNode = identity2.isNode;
    exports.isPair = identity2.isPair;
    exports.isScalar = identity2.isScalar;
    exports.isSeq = identity2.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/edges/github/entry-point.ts
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
function isMainScript(moduleUrl, argv1 = process.argv[1]) {
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
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
import * as os from "os";

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

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
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
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
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
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve12) {
      resolve12(value);
    });
  }
  return new (P || (P = Promise))(function(resolve12, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve12(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell2) => {
        if (typeof cell2 === "string") {
          return this.wrap("td", cell2);
        }
        const { header, data, colspan, rowspan } = cell2;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
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

// src/edges/github/io.ts
function createActionsIo() {
  return {
    getInput: (name) => getInput(name, { trimWhitespace: false }),
    info: (text) => info(text),
    warning: (text, props) => warning(text, props ?? {}),
    error: (text, props) => error(text, props ?? {}),
    startGroup: (title) => startGroup(title),
    endGroup: () => endGroup(),
    setOutput: (name, value) => setOutput(name, value),
    saveState: (name, value) => saveState(name, value),
    getState: (name) => getState(name),
    setFailed: (message) => setFailed(message),
    appendSummary: async (markdown) => {
      await summary.addRaw(markdown, true).write();
    }
  };
}

// src/edges/github/main.ts
import { join as join6, resolve as resolve11 } from "node:path";

// src/builtins.ts
var childProcess = lazyBuiltin("node:child_process");
var crypto2 = lazyBuiltin("node:crypto");
var http = lazyBuiltin("node:http");
var https = lazyBuiltin("node:https");
var net = lazyBuiltin("node:net");
function lazyBuiltin(id) {
  let loaded;
  return () => loaded ??= process.getBuiltinModule?.(id) ?? __require(id);
}

// src/app/start.ts
import { setMaxListeners } from "node:events";
import { join as join4 } from "node:path";

// src/config/describe.ts
var MAX_QUOTED_CHARS = 60;
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

// src/config/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
var MAX_DURATION_MS = 24 * UNIT_MS.h;
var DURATION_FORMS = "a number of seconds or a number with ms, s, m or h, e.g. 500ms, 30s, 2m, 1h";
function parseDuration(value) {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * UNIT_MS.s) : void 0;
  }
  if (typeof value !== "string") return void 0;
  const match = DURATION_PATTERN.exec(value.trim());
  if (match === null) return void 0;
  const unit = match[2] ?? "s";
  return Math.round(Number(match[1]) * UNIT_MS[unit]);
}
function checkDuration(value, options) {
  const ms = parseDuration(value);
  if (ms === void 0) {
    const shown = quote(value);
    if (typeof value === "number" && value < 0 || typeof value === "string" && value.trim().startsWith("-")) {
      return { error: `invalid duration ${shown}: must not be negative` };
    }
    if (typeof value !== "string" && typeof value !== "number") {
      return { error: `expected a duration, got ${describeValue(value)} (${DURATION_FORMS})` };
    }
    return { error: `invalid duration ${shown} (expected ${DURATION_FORMS})` };
  }
  if (ms === 0 && !options.allowZero) return { error: `invalid duration ${quote(value)}: must be greater than 0` };
  if (ms > MAX_DURATION_MS) {
    return { error: `invalid duration ${quote(value)}: ${formatDuration(ms)} is longer than the 24h limit` };
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

// src/process/launch.ts
import { closeSync as closeSync2, openSync as openSync2, rmSync, statSync } from "node:fs";

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
    const env = { ...process.env, LC_ALL: "C", TZ: "UTC" };
    return childProcess().execFileSync(file, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error2) {
    const stdout = error2.stdout;
    return typeof stdout === "string" ? stdout : "";
  }
}

// src/process/linux-listeners.ts
import { readdirSync, readlinkSync } from "node:fs";

// src/process/proc-read.ts
import { closeSync, openSync, readSync } from "node:fs";
var scratch = Buffer.allocUnsafe(64 * 1024);
function readProcBytes(path) {
  let fd;
  try {
    fd = openSync(path, "r");
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
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return scratch.subarray(0, length);
  } catch {
    return void 0;
  } finally {
    closeSync(fd);
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
  const open2 = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open2 < 0 || close < open2) return void 0;
  const fields = text.slice(close + 2).split(" ");
  const startTime = fields[19];
  if (fields.length < 20 || startTime === void 0) return void 0;
  return {
    pid: Number(text.slice(0, open2 - 1)),
    comm: text.slice(open2 + 1, close),
    state: fields[0] ?? "",
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    sid: Number(fields[3]),
    startTime
  };
}
function readStat(pid) {
  const text = readSmallProcFile(`/proc/${pid}/stat`);
  return text === void 0 ? void 0 : parseStat(text);
}
function readSmallProcFile(path) {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch {
    return void 0;
  }
  try {
    const length = readSync(fd, scratch, 0, scratch.length, null);
    return scratch.toString("latin1", 0, length);
  } catch {
    return void 0;
  } finally {
    closeSync(fd);
  }
}
function isExitedState(state) {
  return state === "Z" || state === "X" || state === "x";
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

// src/process/linux-listeners.ts
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
  for (const entry of readdirSync("/proc")) {
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
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return true;
    } catch {
    }
  }
  return false;
}

// src/process/linux-snapshot.ts
import { readdirSync as readdirSync2, readlinkSync as readlinkSync2 } from "node:fs";
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
  // A property, not a method: callers pass it around detached.
  envMatches = (pid, vars) => {
    let framed = this.environs.get(pid);
    if (framed === void 0) {
      const bytes = readProcBytes(`/proc/${pid}/environ`);
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
      continue;
    }
    const stat2 = readStat(pid);
    if (stat2) snapshot.processes.set(pid, toProcessInfo(stat2));
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
    return Number(readlinkSync2("/proc/self")) === process.pid;
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
  const environ = readProcBytes(`/proc/${pid}/environ`);
  return environ !== void 0 && environHolds(environ, needles);
}
function listPids() {
  const pids = [];
  for (const entry of readdirSync2("/proc")) {
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
    findSocketListeners: findLinuxSocketListeners
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

// src/process/wrapper.ts
var WRAPPER_SCRIPT = `exec 3>&2 2>/dev/null
stopped=
for sig in HUP INT QUIT TERM USR1 USR2; do trap "stopped=$sig" "$sig"; done
(exec 2>&3 3>&-; exec "$1" -c "$2")
status=$?
if [ -n "$stopped" ]; then trap - "$stopped"; kill -s "$stopped" $$; exit "$status"; fi
result="exit $status"
if [ "$status" -gt 128 ] && name=$(kill -l "$((status - 128))" 2>/dev/null); then result="signal $name"; fi
{ printf '%s\\n' "$result" > "$3.$$.tmp" && mv -f "$3.$$.tmp" "$3"; } 2>/dev/null
exit "$status"`;
function wrapperArgs(options) {
  return ["-c", WRAPPER_SCRIPT, `bgsvc[${options.name}]`, options.shell, options.command, options.exitFile];
}

// src/process/launch.ts
function launchService(options) {
  assertProcessControlSupported();
  assertDirectory(options.cwd, options.name);
  const logFd = openLog(options.logFile, options.name);
  let child;
  try {
    rmSync(options.exitFile, { force: true });
    child = childProcess().spawn("/bin/sh", wrapperArgs(options), {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", logFd, logFd]
    });
  } finally {
    closeSync2(logFd);
  }
  child.on("error", () => {
  });
  const pid = child.pid;
  if (pid === void 0) throw new Error(`Could not start service "${options.name}": /bin/sh failed to spawn`);
  const exited = new Promise((resolve12) => {
    child.once("exit", (code, signal) => resolve12({ code, signal, atMs: Date.now() }));
  });
  return {
    pid,
    startTime: currentPlatform().startTimeOf(pid) ?? "",
    exited,
    release: () => child.unref()
  };
}
function openLog(logFile, name) {
  try {
    return openSync2(logFile, "a", 384);
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
    isDirectory2 = statSync(cwd).isDirectory();
  } catch (error2) {
    throw new Error(`The working directory of service "${name}" does not exist: ${cwd}`, { cause: error2 });
  }
  if (!isDirectory2) throw new Error(`The working directory of service "${name}" is not a directory: ${cwd}`);
}

// src/process/exit-file.ts
import { readFileSync, statSync as statSync2 } from "node:fs";
function readExitFile(exitFile) {
  let text;
  let atMs;
  try {
    text = readFileSync(exitFile, "utf8");
    atMs = Math.round(statSync2(exitFile).mtimeMs);
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

// src/process/stop-options.ts
import { constants as constants2 } from "node:os";
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
  if (!Object.hasOwn(constants2.signals, signal)) throw new Error(`Expected a signal name such as SIGTERM, got ${JSON.stringify(signal)}`);
}
function assertGrace(graceMs) {
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error(`Expected graceMs to be a non-negative number, got ${graceMs}`);
}
function assertRecordedPid(pid) {
  if (!Number.isSafeInteger(pid) || pid <= 1) throw new Error(`Expected a recorded pid greater than 1, got ${pid}`);
}

// src/process/terminate.ts
import { setTimeout as sleep } from "node:timers/promises";

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

// src/process/terminate.ts
var POLL_MS = { min: 5, max: 50 };
var RESCAN_MS = { min: 100, max: 1e3 };
var KILL_WAIT_MS = 2e3;
async function terminate(options) {
  const started = performance.now();
  const run2 = new Termination(options);
  run2.scan(options.signal);
  if (run2.foundNothing()) return run2.result(performance.now() - started);
  if (!await run2.waitUntilGone(started + options.graceMs, options.signal)) {
    run2.killPending();
    await run2.waitUntilGone(performance.now() + KILL_WAIT_MS, "SIGKILL");
  }
  if (run2.scan("SIGKILL") > 0) await run2.waitUntilGone(performance.now() + KILL_WAIT_MS, "SIGKILL");
  return run2.result(performance.now() - started);
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
    for (const info2 of alive) this.deliver(info2, "SIGKILL");
    if (leader && leaderAlive && !this.groupSignals.has("SIGKILL")) {
      this.groupSignals.add("SIGKILL");
      sendSignal(-leader.pid, "SIGKILL");
    }
  }
  // Polls the pending set until it is empty or the deadline passes; periodic
  // rescans catch children forked meanwhile and signal them too.
  async waitUntilGone(deadline, signal) {
    const waitStarted = performance.now();
    let lastScan = waitStarted;
    let pause = POLL_MS.min;
    for (; ; ) {
      await sleep(Math.max(0, Math.min(pause, deadline - performance.now())));
      const checkStarted = performance.now();
      if (this.allGone()) return true;
      if (checkStarted >= deadline) return false;
      const waited = checkStarted - waitStarted;
      if (checkStarted - lastScan >= clamp(waited / 4, RESCAN_MS)) {
        this.scan(signal);
        lastScan = performance.now();
      }
      pause = Math.max(clamp(waited / 10, POLL_MS), performance.now() - checkStarted);
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
      escalated: this.killed.size > 0,
      ms
    };
  }
  track(info2) {
    const id = identity(info2);
    if (this.found.has(id)) return;
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
    platform: options.platform ?? currentPlatform(),
    sharedSnapshot: options.sharedSnapshot
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
    platform: options.platform ?? currentPlatform(),
    sharedSnapshot: options.sharedSnapshot
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

// src/process/shell.ts
import { accessSync, constants as constants3 } from "node:fs";
import { delimiter, join } from "node:path";
function findOnPath(command, pathVar = process.env.PATH ?? "") {
  if (command.includes("/")) return isExecutable(command) ? command : void 0;
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return void 0;
}
function isExecutable(path) {
  try {
    accessSync(path, constants3.X_OK);
    return true;
  } catch {
    return false;
  }
}
function resolveShell(configured) {
  if (configured) return configured;
  return findOnPath("bash") ?? "/bin/sh";
}

// src/process/run-command.ts
var CAPTURE_LIMIT = 4096;
function runCommand(options) {
  const started = performance.now();
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
  return new Promise((resolve12) => {
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
      resolve12({ code, signal, timedOut, output: captured, ms: performance.now() - started });
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

// src/probes/cmd.ts
import { setTimeout as nextTurn } from "node:timers/promises";

// src/probes/time.ts
import { setTimeout as delay } from "node:timers/promises";
var MAX_TIMER_MS = 2 ** 31 - 1;
async function sleep2(ms, signal) {
  let left = ms;
  while (left > MAX_TIMER_MS) {
    await delay(MAX_TIMER_MS, void 0, { signal });
    left -= MAX_TIMER_MS;
  }
  await delay(Math.max(0, left), void 0, { signal });
}
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
    const timeoutMs = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, context.deadline - performance.now()));
    const result = await runCommand({
      shell: context.shell,
      command: probe.command,
      cwd: context.cwd,
      env: context.env,
      timeoutMs,
      signal: context.signal
    });
    await nextTurn(0);
    if (result.code === 0 && !result.timedOut) return;
    context.reportError(describeFailure(result, context.signal.aborted));
    await sleep2(RETRY_DELAY_MS, context.signal);
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
var runDelayProbe = (probe, context) => sleep2(probe.ms, context.signal);

// src/probes/file.ts
import { stat } from "node:fs/promises";
import { resolve } from "node:path";

// src/probes/watch.ts
import { watch } from "node:fs";
import { basename, dirname } from "node:path";
function waitForCheck(options) {
  const { signal } = options;
  const dir = dirname(options.path);
  const name = basename(options.path);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve12, reject) => {
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
      if (error2 === void 0) resolve12();
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
        watcher = watch(dir, (_event, filename) => {
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
  const path = resolve(context.cwd, probe.path);
  return waitForCheck({
    path,
    pollMs: FILE_POLL_MS,
    signal: context.signal,
    check: async () => {
      try {
        await stat(path);
        return true;
      } catch (error2) {
        context.reportError(describeError(error2));
        return false;
      }
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
  const started = performance.now();
  for (; ; ) {
    context.signal.throwIfAborted();
    const attemptStarted = performance.now();
    const failure = await attempt(context.signal);
    if (failure === void 0) return;
    context.reportError(failure);
    const spent = performance.now() - attemptStarted;
    await sleep2(Math.max(0, retryDelayMs(attemptStarted - started) - spent), context.signal);
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
  const started = performance.now();
  if (signal.aborted) return Promise.resolve(`no response after ${formatMs(0)}`);
  const { url } = target;
  const secure = url.protocol === "https:";
  return new Promise((resolve12) => {
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
      resolve12(describeError(error2));
      return;
    }
    const giveUp = () => {
      gaveUp = true;
      if (!answered) failure = `no response after ${formatMs(performance.now() - started)}`;
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
      resolve12(failure);
    });
    request.end();
  });
}

// src/probes/log.ts
import { resolve as resolve2 } from "node:path";

// src/probes/log-scanner.ts
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
var CHUNK_BYTES = 64 * 1024;
var MAX_LINE_CHARS2 = 64 * 1024;
function createLogScanner(path, matches) {
  let handle;
  let offset = 0;
  let partial = "";
  let decoder = new StringDecoder("utf8");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const restart = () => {
    offset = 0;
    partial = "";
    decoder = new StringDecoder("utf8");
  };
  const consume = (text) => {
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    if (partial.length > MAX_LINE_CHARS2) partial = partial.slice(-MAX_LINE_CHARS2);
    return lines.some((line) => matches(line.endsWith("\r") ? line.slice(0, -1) : line));
  };
  return {
    async scan(signal) {
      handle ??= await open(path, "r");
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
      const open2 = handle;
      handle = void 0;
      await open2?.close();
    }
  };
}

// src/probes/log.ts
var LOG_POLL_MS = 250;
var runLogProbe = async (probe, context) => {
  if (context.logFile === void 0) throw new Error("a log probe needs the service log file");
  const pattern = new RegExp(probe.pattern);
  const path = resolve2(context.cwd, context.logFile);
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
import { resolve as resolve3 } from "node:path";

// src/probes/connect.ts
var GRACEFUL_CLOSE_MS = 250;
function connectOnce(target, options) {
  const started = performance.now();
  if (options.signal.aborted) return Promise.resolve(`no connection after ${formatMs(0)}`);
  return new Promise((resolve12) => {
    let failure = "closed before connecting";
    let settled = false;
    const socket = net().connect(target);
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener("abort", giveUp);
      resolve12(failure);
    };
    const giveUp = () => {
      failure = `no connection after ${formatMs(performance.now() - started)}`;
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
  const path = resolve3(context.cwd, probe.path);
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
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const stop = new AbortController();
  const states = options.probes.map((probe) => ({ probe, passed: false, lastError: void 0 }));
  let decidedAt = 0;
  let decided = false;
  let settleDecision;
  const decision = new Promise((resolve12) => settleDecision = resolve12);
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
    sleep2(options.timeoutMs, stop.signal).then(
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
async function settleWithin(promises2, limitMs) {
  let timer;
  const limit = new Promise((resolve12) => {
    timer = setTimeout(resolve12, limitMs);
    timer.unref();
  });
  await Promise.race([Promise.allSettled(promises2), limit]);
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

// src/state/schema.ts
var STATE_SCHEMA = "bgsvc-state";
var STATE_VERSION = 1;

// src/state/store.ts
import { mkdirSync, readFileSync as readFileSync2, renameSync, writeFileSync, chmodSync } from "node:fs";
import { constants as constants4 } from "node:os";
import { join as join2 } from "node:path";
var STATE_FILE_NAME = "state.json";
function stateFilePath(stateDir) {
  return join2(stateDir, STATE_FILE_NAME);
}
function ensurePrivateDir(dir) {
  const created = mkdirSync(dir, { recursive: true, mode: 448 });
  if (created === void 0) return;
  try {
    chmodSync(dir, 448);
  } catch {
  }
}
function writeState(state) {
  ensurePrivateDir(state.stateDir);
  const target = stateFilePath(state.stateDir);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}
`, { mode: 384 });
  renameSync(temp, target);
}
function readState(stateDir) {
  const path = stateFilePath(stateDir);
  let text;
  try {
    text = readFileSync2(path, "utf8");
  } catch (error2) {
    if (error2.code === "ENOENT") return { kind: "missing", path };
    return { kind: "invalid", path, problem: error2.message, id: void 0 };
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
  if (s.stopSignal !== void 0 && !(typeof s.stopSignal === "string" && Object.hasOwn(constants4.signals, s.stopSignal))) {
    return `stop signal ${JSON.stringify(s.stopSignal)} is not a signal`;
  }
  const grace = s.stopTimeoutMs;
  if (grace !== void 0 && !(typeof grace === "number" && Number.isFinite(grace) && grace >= 0)) {
    return `stop timeout ${JSON.stringify(grace)} is not a duration`;
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
function isPid(value) {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_PID;
}

// src/state/batched-write.ts
function batchedStateWriter(state, write = writeState) {
  let next;
  return () => {
    next ??= new Promise((resolve12, reject) => {
      setImmediate(() => {
        next = void 0;
        try {
          write(state);
          resolve12();
        } catch (error2) {
          reject(error2);
        }
      });
    });
    return next;
  };
}

// src/report/log-tail.ts
import { closeSync as closeSync3, fstatSync, openSync as openSync3, readSync as readSync2, statSync as statSync3 } from "node:fs";
var CHUNK = 64 * 1024;
function readLogTail(file, lines = 20) {
  let fd;
  try {
    fd = openSync3(file, "r");
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    let position = size;
    let text = "";
    while (position > 0 && countNewlines(text) <= lines && size - position < 16 * CHUNK) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      readSync2(fd, buffer, 0, length, position);
      text = buffer.toString("utf8") + text;
    }
    const all = text.split("\n");
    if (all.at(-1) === "") all.pop();
    if (position > 0) all.shift();
    return all.slice(-lines).map((line) => line.replace(/\r$/, ""));
  } finally {
    closeSync3(fd);
  }
}
function countNewlines(text) {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

// src/app/adopt.ts
import { resolve as resolve4 } from "node:path";
var LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|0\.0\.0\.0)$/;
function findProbeTargetHolders(options) {
  const { platform: platform2 } = options;
  const ports = new Set(options.probes.flatMap(loopbackPort));
  const sockets = options.probes.flatMap((probe) => probe.kind === "socket" ? [resolve4(options.cwd, probe.path)] : []);
  if (ports.size === 0 && sockets.length === 0) return [];
  if (!anySuspect(options.table(), options.startedAfter, { BGSVC_ID: options.cookie.BGSVC_ID ?? "" })) return [];
  const since = options.startedAfter || void 0;
  const holders = [
    ...[...ports].flatMap((port) => platform2.findListeners(port, since).map((holder) => ({ ...holder, port }))),
    ...sockets.flatMap((socket) => platform2.findSocketListeners(socket, since).map((holder) => ({ ...holder, socket })))
  ];
  const adopted = /* @__PURE__ */ new Map();
  for (const { pid, command, port, socket } of holders) {
    if (pid === process.pid || adopted.has(pid)) continue;
    const startTime = platform2.startTimeOf(pid);
    if (!startTime || startedBefore(startTime, options.startedAfter)) continue;
    if (platform2.hasEnv(pid, options.cookie)) continue;
    adopted.set(pid, { pid, startTime, command: command.replace(/\s+/g, " ").trim(), port, socket });
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
function verifiedAdopted(record, platform2) {
  return (record.adopted ?? []).filter((holder) => {
    if (!platform2.isAlive(holder.pid, holder.startTime)) return false;
    const holders = holder.port !== void 0 ? platform2.findListeners(holder.port, holder.startTime) : holder.socket !== void 0 ? platform2.findSocketListeners(holder.socket, holder.startTime) : [];
    return holders.some((listener) => listener.pid === holder.pid);
  });
}
function loopbackPort(probe) {
  if (probe.kind === "tcp") return LOOPBACK.test(probe.host) ? [probe.port] : [];
  if (probe.kind !== "http") return [];
  try {
    const url = new URL(probe.url);
    if (!LOOPBACK.test(url.hostname)) return [];
    return [Number(url.port || (url.protocol === "https:" ? 443 : 80))];
  } catch {
    return [];
  }
}
function startedBefore(startTime, reference) {
  if (!/^\d+$/.test(startTime) || !/^\d+$/.test(reference)) return false;
  return Number(startTime) < Number(reference);
}

// src/app/stop.ts
import { closeSync as closeSync4, existsSync as existsSync2, openSync as openSync4 } from "node:fs";

// src/app/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/app/stop.ts
var LOG_TAIL_LINES = 20;
var LOCK_TIMEOUT_MS = 5 * 6e4;
async function stopRecordedServices(state, options) {
  const { emit } = options;
  const platform2 = options.platform ?? currentPlatform();
  const chosen = chooseServices(state, options.names);
  const pending = chosen.filter((record) => record.stoppedAt === void 0);
  const report = { outcomes: /* @__PURE__ */ new Map(), survivors: false, crashed: [], nothingToDo: pending.length === 0 };
  const sharedSnapshot = snapshotPerTurn(platform2);
  const persist = batchedStateWriter(state);
  const done = /* @__PURE__ */ new Map();
  const stopAfterDependents = (record) => {
    let promise = done.get(record.name);
    if (!promise) {
      const dependents = pending.filter((other) => other.needs.includes(record.name));
      promise = Promise.all(dependents.map(stopAfterDependents)).then(async () => {
        const outcome = await stopOneService(state, record, emit, platform2, sharedSnapshot);
        report.outcomes.set(record.name, outcome);
        if (outcome.kind === "survivors") report.survivors = true;
        if (outcome.kind === "exited" && (outcome.code !== 0 || outcome.signal || outcome.daemonized)) report.crashed.push(record.name);
        record.stoppedAt = Date.now();
        record.stopResult = describeOutcome(outcome);
        await persist();
      });
      done.set(record.name, promise);
    }
    return promise;
  };
  await Promise.all(pending.map(stopAfterDependents));
  if (state.services.every((record) => record.stoppedAt !== void 0)) {
    const leaked = await sweepLeaked(state.id, emit, platform2);
    if (leaked) report.nothingToDo = false;
    if (state.stoppedAt === void 0) {
      state.stoppedAt = Date.now();
      writeState(state);
    }
  }
  if (report.nothingToDo) {
    emit({ type: "notice", level: "info", message: `nothing to stop: every service in ${state.stateDir} is already stopped` });
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
async function stopOneService(state, record, emit, platform2, sharedSnapshot) {
  const cookie = { BGSVC_ID: state.id, BGSVC_SERVICE: record.name };
  const exit = readExitFile(record.exitFile);
  const leaderIsOurs = platform2.isAlive(record.pid, record.startTime || void 0) && platform2.hasEnv(record.pid, cookie);
  if (!leaderIsOurs && platform2.isAlive(record.pid)) warnNotOurs(record, emit, platform2);
  const adopted = verifiedAdopted(record, platform2);
  const alive = leaderIsOurs || adopted.length > 0 || carriesCookie(sharedSnapshot(), cookie);
  if (!alive) {
    const outcome2 = exit ? exitedOutcome(record, exit) : { kind: "not-running" };
    emit({ type: "stopped", service: record.name, outcome: outcome2, logFile: record.logFile, logTail: readLogTail(record.logFile, LOG_TAIL_LINES) });
    return outcome2;
  }
  emit({ type: "stopping", service: record.name });
  const started = performance.now();
  if (record.stop) await runStopCommand(record, emit);
  const tree = leaderIsOurs ? await stopProcessTree({
    pid: record.pid,
    startTime: record.startTime,
    cookie,
    adopted,
    signal: record.stopSignal,
    graceMs: record.stopTimeoutMs,
    platform: platform2,
    sharedSnapshot
  }) : await sweepByCookie({ cookie, adopted, signal: record.stopSignal, graceMs: record.stopTimeoutMs, platform: platform2, sharedSnapshot });
  const ms = Math.round(performance.now() - started);
  let outcome;
  if (tree.survivors.length > 0) {
    outcome = { kind: "survivors", processes: tree.survivors.map(({ pid, command }) => ({ pid, command })) };
  } else if (tree.escalated) {
    outcome = { kind: "killed", afterMs: ms };
  } else if (exit && exit.code !== 0) {
    outcome = exitedOutcome(record, exit);
  } else {
    outcome = { kind: "stopped", signal: record.stop ? "stop command" : record.stopSignal, ms };
  }
  emit({ type: "stopped", service: record.name, outcome, logFile: record.logFile, logTail: readLogTail(record.logFile, LOG_TAIL_LINES) });
  return outcome;
}
function carriesCookie(snapshot, cookie) {
  for (const info2 of snapshot.processes.values()) {
    if (!info2.zombie && snapshot.envMatches(info2.pid, cookie)) return true;
  }
  return false;
}
function warnNotOurs(record, emit, platform2) {
  const reason = record.startTime !== "" && platform2.startTimeOf(record.pid) !== record.startTime ? "its start time differs, so the pid was reused" : "it does not carry this run's BGSVC_ID";
  emit({
    type: "notice",
    level: "warning",
    message: `${record.name}: pid ${record.pid} in the state file is not ours (${reason}); not signalled`
  });
}
async function runStopCommand(record, emit) {
  let fd;
  try {
    fd = openSync4(record.logFile, "a");
  } catch {
    fd = void 0;
  }
  try {
    const result = await runCommand({
      shell: record.shell,
      command: record.stop,
      cwd: record.cwd,
      env: { ...process.env, ...record.env, BGSVC_SERVICE: record.name },
      timeoutMs: Math.max(record.stopTimeoutMs, 1e3),
      outputFd: fd
    });
    emit({ type: "stop-command", service: record.name, command: record.stop, code: result.code, timedOut: result.timedOut, ms: result.ms });
  } finally {
    if (fd !== void 0) closeSync4(fd);
  }
}
async function sweepLeaked(id, emit, platform2) {
  const result = await sweepByCookie({ cookie: { BGSVC_ID: id }, signal: "SIGKILL", graceMs: 0, platform: platform2 });
  if (result.found === 0) return false;
  const processes = [...result.survivors];
  emit({
    type: "leaked",
    processes: processes.map(({ pid, command }) => ({ pid, command })),
    killed: result.survivors.length === 0
  });
  return true;
}
function describeOutcome(outcome) {
  switch (outcome.kind) {
    case "stopped":
      return `stopped (${outcome.signal})`;
    case "killed":
      return "killed after grace";
    case "exited":
      return outcome.signal ? `exited (${outcome.signal})` : `exited ${outcome.code}`;
    case "not-running":
      return "not running";
    case "survivors":
      return `could not stop ${outcome.processes.length} process(es)`;
  }
}
function exitedOutcome(record, exit) {
  const daemonized = exit.code === 0 && record.readyAt !== void 0 && exit.atMs <= record.readyAt;
  return { kind: "exited", code: exit.code, signal: exit.signal, atMs: exit.atMs, afterStartMs: exit.atMs - record.startedAt, daemonized };
}

// src/app/leftovers.ts
async function stopLeftovers(options) {
  const { location, emit, platform: platform2 } = options;
  const read = readState(location.stateDir);
  if (read.kind === "missing") return;
  if (read.kind === "invalid") {
    emit({ type: "notice", level: "warning", message: `replacing ${read.path}: ${read.problem}` });
    if (read.id) await sweepByCookie({ cookie: { BGSVC_ID: read.id }, signal: "SIGTERM", graceMs: 2e3, platform: platform2 });
    return;
  }
  const { state } = read;
  if (state.stoppedAt !== void 0) return;
  const unstopped = state.services.filter((service) => service.stoppedAt === void 0);
  const alive = platform2.findByEnv({ BGSVC_ID: state.id }).length > 0 || unstopped.some((service) => verifiedAdopted(service, platform2).length > 0);
  if (!alive || unstopped.length === 0) return;
  const started = new Date(state.createdAt).toISOString();
  emit({
    type: "notice",
    level: "warning",
    message: `an earlier run (started ${started}) left ${unstopped.map((service) => service.name).join(", ")} running in ${location.stateDir}; stopping them first`
  });
  await stopRecordedServices(state, { emit, platform: platform2 });
}

// src/app/preflight.ts
import { rmSync as rmSync2, statfsSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
var MIN_FREE_BYTES = 1024 * 1024;
function checkLogDir(logDir) {
  const probe = join3(logDir, `.bgsvc-write-test-${process.pid}`);
  try {
    writeFileSync2(probe, "ok", { mode: 384 });
    rmSync2(probe, { force: true });
  } catch (error2) {
    return `the log dir ${logDir} is not writable (${error2.code ?? error2.message}); choose another with --log-dir or BGSVC_STATE_DIR`;
  }
  try {
    const stats = statfsSync(logDir);
    const free = stats.bavail * stats.bsize;
    if (free < MIN_FREE_BYTES) {
      return `the log dir ${logDir} has only ${Math.floor(free / 1024)} KiB free; services would lose their output (free some space or choose another dir with --log-dir)`;
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
var LOG_TAIL_LINES2 = 20;
var PROGRESS_EVERY_MS = 1e4;
async function startServices(options) {
  const { plan, location, emit } = options;
  const platform2 = options.platform ?? currentPlatform();
  const services = selectServices(plan, options.only);
  await stopLeftovers({ location, emit, platform: platform2 });
  const unusable = prepareDirs(location);
  if (unusable) {
    emit({ type: "notice", level: "error", message: unusable });
    return { ok: false, state: void 0, aborted: false, failed: [] };
  }
  emit({ type: "config", source: plan.source, services: services.map((service) => service.name) });
  const state = {
    schema: "bgsvc-state",
    version: 1,
    id: crypto2().randomBytes(12).toString("hex"),
    createdAt: Date.now(),
    stateDir: location.stateDir,
    logDir: location.logDir,
    complete: false,
    services: []
  };
  writeState(state);
  const failFast = new AbortController();
  setMaxListeners(0, failFast.signal);
  const onCancel = () => failFast.abort(options.signal?.reason);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener("abort", onCancel, { once: true });
  const launched = [];
  const failed2 = [];
  const context = {
    state,
    emit,
    platform: platform2,
    baseEnv: options.baseEnv ?? process.env,
    cancel: failFast.signal,
    onLaunched: (service) => launched.push(service),
    table: incrementalSnapshots(platform2),
    persist: batchedStateWriter(state),
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
    if (results.every(Boolean) && !failFast.signal.aborted) {
      state.complete = true;
      writeState(state);
      return { ok: true, state };
    }
    const aborted = options.signal?.aborted ?? false;
    emit({
      type: "notice",
      level: aborted ? "warning" : "error",
      message: aborted ? "cancelled: stopping the services started so far" : `start failed (${failed2.join(", ")}): stopping the services started so far`
    });
    await stopRecordedServices(state, { emit, platform: platform2 });
    return { ok: false, state, aborted, failed: failed2 };
  } finally {
    options.signal?.removeEventListener("abort", onCancel);
    for (const service of launched) service.release();
  }
}
function prepareDirs(location) {
  try {
    ensurePrivateDir(location.stateDir);
    ensurePrivateDir(join4(location.stateDir, "run"));
    ensurePrivateDir(location.logDir);
  } catch (error2) {
    return `cannot create ${error2.path ?? location.stateDir}: ${error2.message}`;
  }
  return checkLogDir(location.logDir);
}
async function launchAndWait(service, context) {
  const { state, emit, platform: platform2 } = context;
  const logFile = join4(state.logDir, `${service.name}.log`);
  const fail = (reason, message, withLog = true) => {
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
  const taken = await findTakenTargets(service.probes);
  if (taken.length > 0) return fail("port-taken", describeTakenPorts(service.name, taken, platform2), false);
  if (context.cancel.aborted) return false;
  const shell = resolveShell(service.shell);
  const exitFile = join4(state.stateDir, "run", `${service.name}.exit`);
  const env = {
    ...context.baseEnv,
    ...service.env,
    BGSVC_ID: state.id,
    BGSVC_SERVICE: service.name,
    BGSVC_LOG_DIR: state.logDir
  };
  let launched;
  try {
    launched = launchService({ name: service.name, command: service.command, shell, cwd: service.cwd, env, logFile, exitFile });
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
    probes: service.probes.map((probe) => probe.text),
    pid: launched.pid,
    startTime: launched.startTime,
    logFile,
    exitFile,
    startedAt: Date.now()
  };
  state.services.push(record);
  state.services.sort((a, b) => context.order.indexOf(a.name) - context.order.indexOf(b.name));
  await context.persist();
  emit({ type: "started", service: service.name, pid: launched.pid, command: service.command, logFile });
  const cookie = { BGSVC_ID: state.id, BGSVC_SERVICE: service.name };
  const diedEarly = launched.exited.then((exit) => {
    if (exit.code !== 0 || exit.signal) return exit;
    const left = platform2.findByEnv(cookie).length;
    emit({
      type: "notice",
      level: "info",
      message: left > 0 ? `${service.name}: its command exited 0 and left ${left} process(es) running (daemonized); waiting for its probes` : `${service.name}: its command exited 0; waiting for its probes in case it daemonized`
    });
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
  const result = await waitUntilReady({
    probes: service.probes,
    timeoutMs: service.timeoutMs,
    logFile,
    cwd: service.cwd,
    shell,
    env,
    until: diedEarly,
    signal: context.cancel,
    onProbePassed: (probe, ms) => {
      passed.add(probe.text);
      if (service.probes.length > 1) emit({ type: "probe-passed", service: service.name, probe: probe.text, ms });
    }
  }).finally(() => clearInterval(progress));
  switch (result.outcome) {
    case "ready":
      record.readyAt = Date.now();
      adoptPortHolders(service, record, cookie, context);
      await context.persist();
      emit({ type: "ready", service: service.name, ms: record.readyAt - record.startedAt, probes: record.probes });
      return true;
    case "interrupted": {
      const exit = result.value;
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      const after = formatDuration(Date.now() - record.startedAt);
      return fail("exited", `${service.name} ${how} before it was ready (${after} after start)`);
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
function adoptPortHolders(service, record, cookie, context) {
  const adopted = findProbeTargetHolders({
    probes: service.probes,
    cwd: service.cwd,
    cookie,
    startedAfter: record.startTime,
    platform: context.platform,
    table: context.table
  });
  if (adopted.length === 0) return;
  record.adopted = adopted;
  const list = adopted.map((holder) => `pid ${holder.pid} (${holder.command})`).join(", ");
  context.emit({
    type: "notice",
    level: "info",
    message: `${service.name}: ${list} holds its probed port or socket without carrying BGSVC_ID (it rewrote its environment); recorded so stop still finds it`
  });
}
function describeTakenPorts(name, taken, platform2) {
  const parts = taken.map(({ probe, port }) => {
    const holders = platform2.findListeners(port);
    const who = holders.length > 0 ? ` by ${holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(", ")}` : "";
    return `port ${port} (${probe.text}) is already in use${who}`;
  });
  return `${name} was not started: ${parts.join("; ")}. Its probe would pass at once against the wrong process. Stop the old process (often a leftover of an earlier job) or use another port.`;
}

// src/config/types.ts
var DEFAULT_TIMEOUT_MS2 = 6e4;
var DEFAULT_STOP_TIMEOUT_MS = 1e4;
var DEFAULT_STOP_SIGNAL = "SIGTERM";

// src/config/errors.ts
var MAX_REPORTED_ISSUES = 20;
var ConfigError = class extends Error {
  name = "ConfigError";
  issues;
  constructor(issues, options) {
    super(formatIssues(issues, options?.omitted ?? 0), options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.issues = issues;
  }
};
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

// src/config/load.ts
import { readFileSync as readFileSync3, statSync as statSync4 } from "node:fs";
import { resolve as resolve7 } from "node:path";

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

// src/config/parse.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { resolve as resolve6 } from "node:path";

// src/config/document-checks.ts
var import_yaml = __toESM(require_dist(), 1);
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

// src/config/positions.ts
var import_yaml2 = __toESM(require_dist(), 1);
function formatPath(path) {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
var Locator = class {
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
function isEmpty(node) {
  if (node === null || node === void 0) return true;
  const range = (0, import_yaml2.isScalar)(node) ? node.range : void 0;
  return range !== void 0 && range !== null && range[0] === range[1];
}
function keyText(key) {
  if ((0, import_yaml2.isScalar)(key)) return String(key.value);
  return typeof key === "string" ? key : void 0;
}

// src/config/issues.ts
var MAX_COLLECTED_ISSUES = 1e3;
var IssueCollector = class {
  constructor(source, locator) {
    this.source = source;
    this.locator = locator;
  }
  source;
  locator;
  issues = [];
  overflow = 0;
  get isEmpty() {
    return this.issues.length === 0;
  }
  add(path, message, options = {}) {
    if (this.issues.length >= MAX_COLLECTED_ISSUES) {
      this.overflow++;
      return;
    }
    const position = this.locate(options.at ?? path, options.target);
    this.issues.push({ source: this.source, ...toLineColumn(position), path: formatPath(path), message });
  }
  /** Issues that already carry a position (YAML syntax errors). */
  addLocated(issue2) {
    if (this.issues.length >= MAX_COLLECTED_ISSUES) this.overflow++;
    else this.issues.push({ source: this.source, ...issue2 });
  }
  locate(path, target) {
    return this.locator?.locate(path, target);
  }
  /** The first issues in file order, with the rest counted in the message. */
  toError() {
    const sorted = [...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const shown = sorted.slice(0, MAX_REPORTED_ISSUES);
    return new ConfigError(shown, { omitted: sorted.length - shown.length + this.overflow });
  }
};
function toLineColumn(position) {
  return position === void 0 ? {} : { line: position.line, column: position.column };
}

// src/config/nesting.ts
var MAX_NESTING = 64;
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

// src/config/service.ts
import { resolve as resolve5 } from "node:path";

// src/config/names.ts
var MAX_NAME_LENGTH = 64;
var NAME_CHARS = /^[A-Za-z0-9._-]+$/;
var WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i;
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
var LAUNCHER_WORDS = /* @__PURE__ */ new Set([
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
var ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
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
  const basename2 = word.split(/[\\/]/).pop() ?? "";
  const unversioned = basename2.replace(/(.)@.*$/, "$1");
  let name = unversioned.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|-+$/g, "").slice(0, MAX_NAME_LENGTH);
  if (name === "") name = "service";
  if (WINDOWS_DEVICE.test(name)) name = `svc-${name}`.slice(0, MAX_NAME_LENGTH);
  return name;
}

// src/config/probe-targets.ts
import { fileURLToPath as fileURLToPath2 } from "node:url";
var PROBE_FORMS = "http://…, https://…, tcp:PORT, tcp:HOST:PORT, socket:PATH, file:PATH, log: REGEX, cmd: COMMAND or delay: DURATION";
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
    return { path: fileURLToPath2(`file:${text}`) };
  } catch {
    return { reason: `${quote(`file:${text}`)} is not a valid file:// URL` };
  }
}

// src/config/probe-object.ts
var KIND_KEYS = ["http", "tcp", "socket", "file", "log", "cmd", "delay"];
var HTTP_OPTION_KEYS = ["method", "status", "headers"];
var HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
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

// src/config/probe-string.ts
var HTTP_PREFIX = /^(?:https?|https?-get):\/\//;
var SCHEME = /^([A-Za-z][A-Za-z0-9+._-]*):/;
var KNOWN_SCHEMES = ["http", "https", "http-get", "https-get", "tcp", "socket", "file", "log", "cmd", "delay"];
var SCHEME_SYNONYMS = { unix: "socket", sleep: "delay", wait: "delay", command: "cmd", port: "tcp", regex: "log" };
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

// src/config/signals.ts
import { constants as constants5 } from "node:os";
var SUSPENDING = /* @__PURE__ */ new Set(["SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU"]);
function normalizeSignal(value) {
  if (typeof value !== "string") return { error: `expected a signal name such as "SIGINT", got ${describeValue(value)}` };
  const upper = value.trim().toUpperCase();
  const name = upper.startsWith("SIG") ? upper : `SIG${upper}`;
  const known = Object.keys(constants5.signals);
  if (!known.includes(name)) {
    const hint = suggest(name.slice(3), known.map((signal) => signal.slice(3)));
    const tail = hint === void 0 ? " (e.g. SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGKILL)" : `; did you mean "SIG${hint}"?`;
    return { error: `unknown signal ${quote(value)}${tail}` };
  }
  if (SUSPENDING.has(name)) return { error: `${quote(value)} suspends the service instead of stopping it; use SIGTERM, SIGINT or SIGQUIT` };
  return name;
}

// src/config/service-fields.ts
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
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
function readProbes(value, path, issues) {
  if (value === void 0) return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [item, [...path, index]]) : [[value, path]];
  const probes = [];
  for (const [entry, entryPath] of entries) {
    const probe = readProbe(entry);
    if (!("error" in probe)) {
      probes.push(probe);
    } else if (probe.key === void 0) {
      issues.add(entryPath, probe.error);
    } else if (probe.atKey === true) {
      issues.add(entryPath, probe.error, { at: [...entryPath, probe.key], target: "key" });
    } else {
      issues.add([...entryPath, probe.key], probe.error);
    }
  }
  return probes;
}

// src/config/service.ts
var SERVICE_KEYS = [
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
  "shell"
];
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
  const needs = readNeeds(value.needs, field("needs"), issues);
  const plan = {
    name: name ?? "",
    command: command ?? "",
    shell: readText(value, "shell", path, issues) ?? context.defaults.shell,
    cwd: resolve5(context.cwd, cwd ?? "."),
    env: readEnv(value.env, field("env"), issues),
    needs: [...new Set(needs.map((need) => need.name))],
    probes: readProbes(value["wait-on"], field("wait-on"), issues),
    timeoutMs: timeoutMs ?? context.defaults.timeoutMs,
    stop: readText(value, "stop", path, issues),
    stopSignal: stopSignal ?? DEFAULT_STOP_SIGNAL,
    stopTimeoutMs: stopTimeoutMs ?? context.defaults.stopTimeoutMs
  };
  const writtenName = typeof value.name === "string" ? value.name : void 0;
  return { path, plan, hasValidName: name !== void 0, writtenName, needs };
}

// src/config/top-level.ts
var FORM_KEYS = ["commands", "services", "backgroundDirectives", "background"];
var DEFAULT_KEYS = ["shell", "timeout", "stop-timeout"];
var TOP_LEVEL_KEYS = ["$schema", ...DEFAULT_KEYS, ...FORM_KEYS];
var DIRECTIVES_KEYS = [...DEFAULT_KEYS, "commands"];
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

// src/config/validate.ts
function validateConfig(root, options) {
  const { issues } = options;
  const top = readTopLevel(root, issues);
  if (top === void 0) return { source: issues.source, services: [] };
  const drafts = [];
  for (const entry of top.entries) {
    const draft = readService(entry.value, entry.path, { issues, cwd: options.cwd, defaults: top.defaults });
    if (draft !== void 0) drafts.push(draft);
  }
  checkUniqueNames(drafts, issues);
  checkNeeds(drafts, issues);
  checkNoNulCharacters(root, issues);
  return { source: issues.source, services: drafts.map((draft) => draft.plan) };
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

// src/config/parse.ts
var MAX_CONFIG_BYTES = 64 * 1024;
var MAX_ALIAS_COUNT = 100;
function parseConfig(text, options) {
  const { source } = options;
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  if (text.trim() === "" || isOnlyComments(text)) throw emptyError(source);
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
  let root;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error2) {
    throw configErrorAt(source, describeToJsError(error2), error2);
  }
  if (root === null || root === void 0) throw emptyError(source);
  const plan = validateConfig(root, { cwd: resolve6(options.cwd), issues });
  if (!issues.isEmpty) throw issues.toError();
  return plan;
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
function isOnlyComments(text) {
  return text.split(/\r?\n/).every((line) => /^\s*(?:#.*)?$/.test(line));
}
function emptyError(source) {
  return configErrorAt(
    source,
    'the config is empty: expected a "commands:" list of services, each with a name and a command'
  );
}
function tooLargeError(source, bytes) {
  return configErrorAt(source, `the config is ${formatSize(bytes)}; at most ${formatSize(MAX_CONFIG_BYTES)} is accepted (is this the right file?)`);
}
function formatSize(bytes) {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// src/config/load.ts
var CONFIG_FILE_NAMES = ["bgsvc.yml", "bgsvc.yaml", ".bgsvc.yml"];
function loadConfig(options) {
  const cwd = resolve7(options.cwd);
  if (options.file !== void 0 && options.file !== "") {
    return parseConfig(readConfigFile(resolve7(cwd, options.file), options.file), { source: options.file, cwd });
  }
  if (options.inlineText !== void 0 && options.inlineText !== "") {
    return parseConfig(options.inlineText, { source: options.inlineLabel ?? "inline config", cwd });
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = resolve7(cwd, name);
    if (isFile(path)) return parseConfig(readConfigFile(path, name), { source: name, cwd });
  }
  const names = CONFIG_FILE_NAMES.join(", ");
  throw configErrorAt(cwd, `no config found: looked for ${names} in this directory; create one, or point to a file with --config (the action's "config" input)`);
}
function isFile(path) {
  try {
    return statSync4(path).isFile();
  } catch {
    return false;
  }
}
function readConfigFile(path, source) {
  let size;
  try {
    const stats = statSync4(path);
    if (stats.isDirectory()) throw configErrorAt(source, `is a directory, not a config file (${path})`);
    size = stats.size;
  } catch (error2) {
    if (error2 instanceof ConfigError) throw error2;
    throw configErrorAt(source, describeReadError(error2, path), error2);
  }
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  let bytes;
  try {
    bytes = readFileSync3(path);
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

// src/edges/github/config-errors.ts
import { relative, resolve as resolve8 } from "node:path";
function reportConfigError(io, error2, where) {
  for (const issue2 of error2.issues) io.error(formatIssue(issue2), annotationPlace(issue2, where));
  const omitted = error2.message.split("\n").find((line) => line.startsWith("… and"));
  if (omitted) io.error(omitted, { title: "bgsvc" });
  const count = error2.issues.length;
  io.setFailed(`bgsvc: ${count === 1 ? "a problem" : `${count} problems`} in the inputs or config (above); nothing was started`);
}
function annotationPlace(issue2, where) {
  const isFile2 = !issue2.source.startsWith('input "') && issue2.source !== "bgsvc" && issue2.line !== void 0;
  if (!isFile2 || !where.workspace) return { title: "bgsvc" };
  const file = relative(where.workspace, resolve8(where.cwd, issue2.source));
  if (file.startsWith("..")) return { title: "bgsvc" };
  return { title: "bgsvc config", file, startLine: issue2.line, startColumn: issue2.column };
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
  return (event) => {
    switch (event.type) {
      case "config":
        line(`config ${event.source}: ${event.services.join(", ") || "(no services)"}`);
        return;
      case "started":
        line(`${event.service} started (pid ${event.pid}), log ${event.logFile}`);
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
        const probes = event.probes.length > 0 ? ` (${event.probes.join(", ")})` : " (no probes)";
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
        const text = `${event.service} ${describeStop(event.outcome)}`;
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
      case "notice": {
        const painted = event.level === "error" ? red : event.level === "warning" ? yellow : (_, text) => text;
        line(painted(color, event.level === "info" ? event.message : `${event.level}: ${event.message}`));
        return;
      }
    }
  };
}
function isBadOutcome(outcome) {
  return outcome.kind === "survivors" || outcome.kind === "exited" && (outcome.code !== 0 || outcome.signal !== null || outcome.daemonized);
}
function describeStop(outcome) {
  switch (outcome.kind) {
    case "stopped":
      return `stopped (${outcome.signal}, ${formatDuration(outcome.ms)})`;
    case "killed":
      return `killed with SIGKILL after ${formatDuration(outcome.afterMs)} (it ignored the stop signal for the whole grace period)`;
    case "exited": {
      if (outcome.daemonized) {
        return `was no longer running: its command daemonized (exited 0, ${formatDuration(Math.max(0, outcome.afterStartMs))} after start) and the daemon died during the job`;
      }
      const how = outcome.signal ? `was killed by ${outcome.signal}` : `had exited with code ${outcome.code}`;
      return `${how}, ${formatDuration(Math.max(0, outcome.afterStartMs))} after start`;
    }
    case "not-running":
      return "was not running";
    case "survivors":
      return `could NOT be stopped: ${outcome.processes.map((process2) => `pid ${process2.pid} (${process2.command})`).join(", ")} still running`;
  }
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
  logOutputResume: "log-output-resume"
};
var OUTPUT = {
  logDir: "log-dir",
  stateFile: "state-file",
  services: "services"
};
var SAVED = {
  stateDir: "state-dir",
  postOptions: "post-options",
  failures: "failures",
  tailed: "tailed",
  /** How main ended: ready, failed or cancelled. */
  mainResult: "main-result"
};
var DEFAULT_WAIT_FOR_MS = 5 * 6e4;

// src/edges/github/inputs.ts
import { existsSync as existsSync3, statSync as statSync5 } from "node:fs";
import { resolve as resolve9 } from "node:path";

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

// src/edges/github/wait-for.ts
var UNIT_MS2 = {
  ms: 1,
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
  hours: 36e5
};
var PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
var MAX_MS = 24 * 36e5;
var WAIT_FOR_FORMS = "a number of milliseconds, or numbers with units such as 500ms, 30s, 5m, 1h30m";
function parseWaitFor(text) {
  const value = text.trim().toLowerCase();
  const invalid = { error: `invalid duration ${JSON.stringify(text.trim())} (expected ${WAIT_FOR_FORMS})` };
  let ms;
  if (/^\d+(?:\.\d+)?$/.test(value)) {
    ms = Number(value);
  } else {
    ms = 0;
    PART.lastIndex = 0;
    let consumed = 0;
    for (let match = PART.exec(value); match; match = PART.exec(value)) {
      const unit = UNIT_MS2[match[2]];
      if (unit === void 0) return invalid;
      ms += Number(match[1]) * unit;
      consumed = PART.lastIndex;
    }
    if (consumed === 0 || consumed !== value.length) return invalid;
  }
  ms = Math.round(ms);
  if (ms <= 0) return { error: `invalid duration ${JSON.stringify(text.trim())}: must be greater than 0` };
  if (ms > MAX_MS) return { error: `invalid duration ${JSON.stringify(text.trim())}: ${formatDuration(ms)} is longer than the 24h limit` };
  return ms;
}

// src/edges/github/wait-on.ts
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
  return parseConfig(JSON.stringify(config), { source: `input "${INPUT.run}"`, cwd: inputs.cwd });
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

// src/edges/github/inputs.ts
var SHORT_FORM_ONLY = [INPUT.name, INPUT.waitOn, INPUT.waitFor];
function readMainSettings(getInput2, options) {
  const value = (name) => getInput2(name);
  const given = (name) => value(name).trim() !== "";
  const issues = [];
  const fail = (input, message) => issues.push({ source: `input "${input}"`, path: "", message });
  const cwd = resolve9(options.cwd, value(INPUT.workingDirectory).trim() || ".");
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
  let stopTimeoutMs;
  if (given(INPUT.stopTimeout)) {
    const parsed = checkDuration(value(INPUT.stopTimeout).trim(), { allowZero: true });
    if (typeof parsed === "number") stopTimeoutMs = parsed;
    else fail(INPUT.stopTimeout, parsed.error);
  }
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
    if (!CONFIG_FILE_NAMES.some((name) => existsSync3(resolve9(cwd, name)))) {
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
    defaultTimeoutMs: DEFAULT_WAIT_FOR_MS
  }) : loadConfig({
    cwd,
    file: value(INPUT.config).trim(),
    inlineText: value(INPUT.services),
    inlineLabel: `input "${INPUT.services}"`
  });
  return {
    plan: stopTimeoutMs === void 0 ? plan : withStopTimeout(plan, stopTimeoutMs),
    cwd,
    logDir: given(INPUT.logDir) ? resolve9(cwd, value(INPUT.logDir).trim()) : void 0,
    tail: switches.tail,
    post: {
      logOutputIf,
      logOutput: switches.logOutput,
      resume: switches.resume
    }
  };
}
function withStopTimeout(plan, stopTimeoutMs) {
  return { ...plan, services: plan.services.map((service) => ({ ...service, stopTimeoutMs })) };
}
function isDirectory(path) {
  try {
    return statSync5(path).isDirectory();
  } catch {
    return false;
  }
}

// src/edges/github/raw-lines.ts
function printVerbatim(io, lines) {
  if (lines.length === 0) return;
  const token = `bgsvc-${crypto2().randomBytes(8).toString("hex")}`;
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
        io.error(`${event.message}${where}`, { title: `bgsvc: ${event.service} did not start` });
        if (event.logFile && event.logTail.length > 0) {
          printLogGroup(io, `${event.service}: last ${event.logTail.length} lines of its log`, event.logTail, `full log: ${event.logFile}`);
        } else if (event.logFile) {
          io.info(`    (log is empty: ${event.logFile})`);
        }
        return;
      }
      case "notice":
        if (event.level === "warning") io.warning(event.message, { title: "bgsvc" });
        else terminal(event);
        return;
      case "leaked": {
        const list = event.processes.map((process2) => `pid ${process2.pid} (${process2.command})`).join(", ");
        if (event.killed) io.warning(`killed ${event.processes.length} leftover process(es) that escaped their service's tree: ${list}`, { title: "bgsvc" });
        else io.error(`could not kill ${event.processes.length} process(es) of this run: ${list}`, { title: "bgsvc: processes left running" });
        return;
      }
      case "stopped":
        terminal(event);
        if (event.outcome.kind === "survivors") {
          io.error(`${event.service} ${describeStop(event.outcome)}`, { title: `bgsvc: ${event.service} could not be stopped` });
        }
        return;
      default:
        terminal(event);
    }
  };
}

// src/edges/github/state-dir.ts
import { existsSync as existsSync4 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join5, resolve as resolve10 } from "node:path";
function chooseStateDir(env, cwd) {
  if (env.BGSVC_STATE_DIR) return resolve10(cwd, env.BGSVC_STATE_DIR);
  const base = join5(env.RUNNER_TEMP || tmpdir(), "bgsvc");
  const step = (env.GITHUB_ACTION ?? "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "") || `step-${crypto2().randomBytes(4).toString("hex")}`;
  let dir = join5(base, step);
  for (let n = 2; existsSync4(stateFilePath(dir)); n++) dir = join5(base, `${step}-${n}`);
  return dir;
}

// src/edges/github/tail.ts
import { closeSync as closeSync5, openSync as openSync5, readSync as readSync3, statSync as statSync6 } from "node:fs";
var POLL_MS2 = 200;
var MAX_READ = 1 << 20;
function createLogTailer(writeLine) {
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
      for (const line of lines) writeLine(`${entry.service} | ${line.replace(/\r$/, "")}`);
    }
  };
  const timer = setInterval(() => followed.forEach(drain), POLL_MS2);
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
        if (entry.partial !== "") writeLine(`${entry.service} | ${entry.partial}`);
        offsets[entry.service] = entry.offset;
      }
      return offsets;
    }
  };
}
function sizeOf(file) {
  try {
    return statSync6(file).size;
  } catch {
    return 0;
  }
}
function readAt(file, position, length) {
  const fd = openSync5(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync3(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync5(fd);
  }
}

// src/edges/github/main.ts
async function runActionMain(io, context) {
  try {
    await startAndWait(io, context);
  } catch (error2) {
    if (error2 instanceof Error && error2.stack) io.info(error2.stack);
    io.setFailed(`bgsvc failed unexpectedly: ${error2 instanceof Error ? error2.message : String(error2)}`);
  }
}
async function startAndWait(io, context) {
  const began = performance.now();
  if (process.platform !== "linux" && process.platform !== "darwin") {
    io.setFailed(`bgsvc runs on Linux and macOS runners only; this one is ${process.platform}`);
    return;
  }
  let settings;
  try {
    settings = readMainSettings((name) => io.getInput(name), { cwd: context.cwd });
  } catch (error2) {
    if (!(error2 instanceof ConfigError)) throw error2;
    const cwd = resolve11(context.cwd, io.getInput(INPUT.workingDirectory).trim() || ".");
    return reportConfigError(io, error2, { workspace: context.env.GITHUB_WORKSPACE, cwd });
  }
  const stateDir = chooseStateDir(context.env, settings.cwd);
  const location = { stateDir, logDir: settings.logDir ?? join6(stateDir, "logs") };
  io.saveState(SAVED.stateDir, stateDir);
  io.saveState(SAVED.postOptions, JSON.stringify(settings.post));
  io.setOutput(OUTPUT.logDir, location.logDir);
  io.setOutput(OUTPUT.stateFile, stateFilePath(stateDir));
  const render = createGithubEmitter(io, {
    color: shouldUseColor({ isTTY: false }, context.env),
    elapsed: () => performance.now() - began
  });
  const tailer = settings.tail ? createLogTailer((line) => io.info(line)) : void 0;
  const failures = {};
  let lastError;
  const logSizes = /* @__PURE__ */ new Map();
  const emit = (event) => {
    tailer?.drain();
    render(event);
    if (event.type === "notice" && event.level === "error") lastError = event.message;
    if (event.type === "config") for (const name of event.services) logSizes.set(name, sizeOf(join6(location.logDir, `${name}.log`)));
    if (event.type === "started") tailer?.follow(event.service, event.logFile, logSizes.get(event.service) ?? 0);
    if (event.type === "failed") failures[event.service] = failureReason(event.reason);
  };
  let result;
  try {
    result = await startServices({ plan: settings.plan, location, emit, signal: context.signal, baseEnv: serviceEnvironment(context.env) });
  } finally {
    const tailed = tailer?.stop();
    if (tailed) io.saveState(SAVED.tailed, JSON.stringify(tailed));
    io.saveState(SAVED.failures, JSON.stringify(failures));
  }
  io.setOutput(OUTPUT.services, JSON.stringify(servicesOutput(result)));
  io.saveState(SAVED.mainResult, result.ok ? "ready" : result.aborted ? "cancelled" : "failed");
  if (result.ok) {
    const { services } = result.state;
    const names = services.map((service) => `${service.name} (pid ${service.pid})`).join(", ");
    const count2 = services.length === 1 ? "1 service" : `${services.length} services`;
    io.info(`bgsvc: ${count2} ready in ${formatDuration(performance.now() - began)}: ${names}. The post step stops them; logs are in ${location.logDir}`);
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
function serviceEnvironment(env) {
  const kept = {};
  for (const [key, value] of Object.entries(env)) {
    if (!/^(?:INPUT_|STATE_)/.test(key)) kept[key] = value;
  }
  return kept;
}
function failureReason(reason) {
  if (reason === "timeout") return "timeout";
  if (reason === "exited") return "exit-early";
  return "failure";
}
function servicesOutput(result) {
  const output = {};
  for (const service of result.state?.services ?? []) {
    output[service.name] = {
      pid: service.pid,
      log: service.logFile,
      "ready-ms": service.readyAt === void 0 ? null : service.readyAt - service.startedAt
    };
  }
  return output;
}

// src/entries/main.ts
async function run() {
  const cancel = new AbortController();
  const onSignal = (signal) => {
    if (cancel.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143);
    cancel.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await runActionMain(createActionsIo(), { env: process.env, cwd: process.cwd(), signal: cancel.signal });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
await runIfMainScript(import.meta.url, run);
export {
  run
};
