// Reads feed files with an npm feed parser and prints their entries as JSON, for test_feeds.py.
//   node feed_parser_check.cjs NODE_MODULES_DIR FILE...
// Uses @extractus/feed-extractor (RSS, Atom and JSON Feed) or, failing that, rss-parser (RSS and
// Atom only; JSON files are then left out). Files ending in .json are JSON Feeds.
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

const [modulesDir, ...files] = process.argv.slice(2);
const req = createRequire(path.join(path.dirname(path.resolve(modulesDir)), "package.json"));
const asList = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function tryRequire(name) {
  try {
    return req(name);
  } catch (e) {
    if (e.code === "MODULE_NOT_FOUND") return null;
    throw e;
  }
}

async function main() {
  const extractor = tryRequire("@extractus/feed-extractor");
  const RssParser = extractor ? null : tryRequire("rss-parser");
  if (!extractor && !RssParser) throw new Error(`no feed parser in ${modulesDir}`);
  const out = { parser: extractor ? "@extractus/feed-extractor" : "rss-parser", feeds: {} };
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const isJson = file.endsWith(".json");
    let entries;
    if (extractor) {
      const opts = { descriptionMaxLen: 1000000, getExtraEntryFields: (raw) => ({ raw }) };
      const feed = isJson ? extractor.extractFromJson(JSON.parse(text), opts) : extractor.extractFromXml(text, opts);
      entries = feed.entries.map((e) => ({
        id: e.id,
        title: e.title,
        link: e.link,
        authors: isJson ? asList(e.raw.authors).map((a) => a.name)
          : e.raw.author !== undefined ? asList(e.raw.author).map((a) => a.name)
          : asList(e.raw["dc:creator"]),
      }));
    } else {
      if (isJson) continue;
      const parser = new RssParser({ customFields: { item: [["dc:creator", "creators", { keepArray: true }],
                                                            ["author", "atomAuthors", { keepArray: true }]] } });
      const feed = await parser.parseString(text);
      entries = feed.items.map((e) => ({
        id: e.guid || e.id,
        title: e.title,
        link: e.link,
        authors: e.creators ? asList(e.creators) : asList(e.atomAuthors).map((a) => asList(a.name)[0]),
      }));
    }
    out.feeds[path.basename(file)] = entries;
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
