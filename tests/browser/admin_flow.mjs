// Browser test of the newsroom in real Chromium (Debian's, driven by playwright-core), with
// axe-core checks on every admin page. Starts its own site with the gazette binary.
//
//   GAZETTE_BIN=build/gazette node tests/browser/admin_flow.mjs
//
// Covers: sign in; upload an image; write an article in Markdown with it; preview (button and
// as-you-type); publish; see it on the home page and at its permalink in several sizes; schedule
// one a few seconds ahead and see it appear; fail to publish as a contributor; approve a pending
// comment and see it on the article page; restore an earlier revision.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const require = createRequire(join(root, "package.json"));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const BIN = process.env.GAZETTE_BIN || join(root, "build", "gazette");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const PASSWORD = "correct horse battery staple";

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

function gazette(...args) {
  const res = spawnSync(BIN, args, { input: PASSWORD + "\n", encoding: "utf8" });
  if (res.status !== 0) throw new Error(`gazette ${args.join(" ")}: ${res.stderr}`);
  return res.stdout;
}

function startServer(db) {
  return new Promise((resolvePort, reject) => {
    const proc = spawn(BIN, ["serve", "--db", db, "--listen", "127.0.0.1:0", "--log-level", "warn",
                             "--access-log", "off"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/serving http:\/\/([0-9.]+):(\d+)\//);
      if (m) resolvePort({ proc, base: `http://${m[1]}:${m[2]}` });
    });
    proc.on("exit", (code) => reject(new Error(`gazette serve exited with ${code}`)));
    setTimeout(() => reject(new Error("gazette serve did not start")), 15000);
  });
}

// A 1800 x 900 PNG, drawn here so that the test needs no image files.
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 255) / width, (y * 255) / height, 140], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header),
                        chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

async function axeCheck(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of bad) console.log(`     ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(" ")}`);
  check(bad.length === 0, `axe: no serious or critical violations on ${name}`);
}

async function login(page, base, email) {
  await page.goto(`${base}/admin/`);
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL(`${base}/admin/`), page.click("form button[type=submit]")]);
}

// Public pages may be kept by browsers for a minute (Cache-Control); a fresh URL shows each change
// at once, as a reader arriving later would see it.
let visits = 0;
function fresh(url) {
  return `${url}${url.includes("?") ? "&" : "?"}visit=${++visits}`;
}

function utcLocal(date) {
  return date.toISOString().slice(0, 19);  // datetime-local, read as UTC by the admin
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "gazette-browser-"));
  const db = join(work, "site.db");
  gazette("init", "--db", db, "--demo");
  gazette("user", "add", "--db", db, "--email", "ed@example.org", "--name", "Ed Itor", "--role", "editor");
  gazette("user", "add", "--db", db, "--email", "con@example.org", "--name", "Con Tributor", "--role", "contributor");
  const { proc, base } = await startServer(db);
  const context = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    bypassCSP: true,  // lets the test inject axe-core; the pages' own CSP is checked over HTTP
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(15000);

    // Sign in.
    await page.goto(`${base}/admin/login`);
    await axeCheck(page, "the login page");
    await login(page, base, "ed@example.org");
    check((await page.textContent("main")).includes("drafts"), "signed in: the dashboard shows its counts");
    await axeCheck(page, "the dashboard");

    // Upload an image.
    await page.goto(`${base}/admin/media/`);
    await page.setInputFiles("#file", { name: "harbour.png", mimeType: "image/png", buffer: png(1800, 900) });
    await page.fill("#alt", "The harbour at dawn");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/admin/media/upload'] button")]);
    const markdown = await page.inputValue(".media input[readonly]");
    check(/^!\[The harbour at dawn\]\(\/media\/[0-9a-f]{32}-960\.png\)$/.test(markdown), "the image was uploaded");
    await axeCheck(page, "the media library");

    // Write, preview and publish.
    await page.goto(`${base}/admin/articles/new`);
    await page.fill("#title", "Dawn over the harbour");
    await page.fill("#primary_tag", "Harbour");
    await page.fill("#markdown", `The **first light** over the water.\n\n${markdown}\n`);
    await page.waitForFunction(() => document.querySelector("#preview strong")?.textContent === "first light");
    check(true, "the preview follows the typing");
    await Promise.all([page.waitForLoadState("load"), page.click("button[value=preview]")]);
    check((await page.innerHTML("#preview")).includes("<picture>") ||
          (await page.innerHTML("#preview")).includes("/media/"), "the Preview button shows the image");
    check(await page.inputValue("#title") === "Dawn over the harbour", "preview keeps what was typed");
    await axeCheck(page, "the editor");
    // The same image as the featured image, described by its upload's alt text, with a caption.
    await page.check(".media-picker input[name=featured_media]:not([value='0'])");
    await page.fill("#featured_caption", "Photo: the Gazette picture desk");
    await page.check("#status-published");
    await Promise.all([page.waitForURL(/\/edit\?saved=1$/), page.click("button[value=save] >> nth=0")]);
    const editUrl = page.url().replace(/\?saved=1$/, "");
    const publicUrl = await page.getAttribute("main a[href^='http']", "href");
    check(!!publicUrl, "the article is published");

    // On the home page and at its permalink, with the image in several sizes.
    await page.goto(fresh(`${base}/`));
    check((await page.textContent("body")).includes("Dawn over the harbour"), "the article is on the home page");
    await page.goto(base + new URL(publicUrl).pathname);
    const featured = page.locator("figure.featured-image");
    check(await featured.locator("picture img").getAttribute("alt") === "The harbour at dawn" &&
          (await featured.locator("figcaption").textContent()) === "Photo: the Gazette picture desk",
          "the featured image is at the top of the article with its alt text and caption");
    const srcset = await page.getAttribute(".article-body picture img", "srcset");
    check(/-480\.png 480w, .*-960\.png 960w, .*-1600\.png 1600w/.test(srcset || ""), "the image has 3 sizes in srcset");
    check(await page.locator(".article-body picture source[type='image/webp']").count() === 1, "and a WebP source");

    const loaded = await page.evaluate(() => {
      const img = document.querySelector("picture img");
      return img.complete && img.naturalWidth > 0;
    });
    check(loaded, "the browser loaded one of the sizes");

    // The reader's author and section pages: the byline links the author; the article's tag, made a
    // section, is in every page's navigation.
    const authorPath = await page.getAttribute(".byline a[rel=author]", "href");
    const tagPath = await page.getAttribute(".tagline a", "href");
    const tagName = (await page.textContent(".tagline a")).trim();
    check(!!authorPath && !!tagPath, "the article links its author and its tag");
    gazette("sections", "set", "--db", db, tagName);  // as a newsroom's administrator would
    await page.goto(fresh(base + authorPath));
    check(await page.locator("h1.list-heading").count() === 1, "the author page has the author's name");
    await axeCheck(page, "the author page");
    await page.goto(fresh(base + tagPath));
    check(await page.locator(`nav.sections a[href='${tagPath}'][aria-current=page]`).count() === 1,
          "the section is in the navigation, marked as the current page");
    await axeCheck(page, "the section page");
    await page.goto(`${base}/admin/authors/`);
    await axeCheck(page, "the admin's authors list");

    // Schedule one a few seconds ahead and see it appear.
    await page.goto(`${base}/admin/articles/new`);
    await page.fill("#title", "Tide tables for next week");
    await page.fill("#markdown", "High water at 06:12.");
    await page.check("#status-scheduled");
    await page.fill("#publish_at", utcLocal(new Date(Date.now() + 4000)));
    await Promise.all([page.waitForURL(/\/edit\?saved=1$/), page.click("button[value=save] >> nth=0")]);
    await page.goto(fresh(`${base}/`));
    check(!(await page.textContent("body")).includes("Tide tables for next week"), "the scheduled one waits");
    let appeared = false;
    for (let i = 0; i < 30 && !appeared; i++) {
      await page.waitForTimeout(500);
      await page.goto(fresh(`${base}/`));
      appeared = (await page.textContent("body")).includes("Tide tables for next week");
    }
    check(appeared, "the scheduled article appears on time");

    // Restore an earlier revision.
    await page.goto(editUrl);
    await page.fill("#title", "Dusk over the harbour");
    await Promise.all([page.waitForURL(/\/edit\?saved=1$/), page.click("button[value=save] >> nth=0")]);
    await page.goto(`${editUrl.replace(/\/edit$/, "")}/revisions`);
    await axeCheck(page, "the revisions list");
    await page.click("ol li:last-child a");
    check((await page.textContent(".diff")).includes("Dawn over the harbour"), "the diff shows the old headline");
    await axeCheck(page, "a revision's diff");
    await Promise.all([page.waitForURL(/\/edit\?saved=1$/), page.click("text=Restore this revision")]);
    check(await page.inputValue("#title") === "Dawn over the harbour", "the earlier revision is restored");

    // A reader comments; the editor approves it; it shows on the article page.
    const reader = await context.newPage();
    await reader.goto(fresh(base + new URL(publicUrl).pathname));
    await reader.fill("textarea[name=comment]", "Lovely light this morning.");
    await reader.fill("input[name=name]", "Morning Walker");
    await reader.fill("input[name=email]", "walker@example.org");
    await reader.fill("input[name=website]", "https://walker.example");
    await reader.waitForTimeout(3500);  // a form sent in under a few seconds looks like a bot's
    await Promise.all([reader.waitForLoadState("load"), reader.click("form[action='/comments'] button[type=submit]")]);
    await page.goto(`${base}/admin/comments/?status=pending`);
    await axeCheck(page, "the moderation queue");
    const row = page.locator("tr", { hasText: "Lovely light this morning." });
    check(await row.count() === 1, "the comment waits in the pending tab");
    await row.locator("input[type=checkbox]").check();
    await page.selectOption("#bulk-action", "approve");
    await Promise.all([page.waitForLoadState("load"), page.click("text=Apply")]);
    await page.goto(`${base}/admin/comments/?status=approved`);
    check(await page.locator("tr", { hasText: "Lovely light this morning." }).count() === 1, "it moved to approved");
    await reader.goto(fresh(base + new URL(publicUrl).pathname));
    check((await reader.textContent("body")).includes("Lovely light this morning."), "it shows on the article page");

    // The other admin pages.
    for (const [path, name] of [["/admin/articles/", "the articles list"], ["/admin/account", "the account page"]]) {
      await page.goto(base + path);
      await axeCheck(page, name);
    }

    // A contributor cannot publish: no control for it, and the server refuses a forged one.
    await page.click("button.link");  // sign out
    await login(page, base, "con@example.org");
    await page.goto(`${base}/admin/articles/new`);
    check(await page.locator("#status-published").count() === 0, "a contributor has no Publish control");
    await page.fill("#title", "Contributor's scoop");
    await page.fill("#markdown", "Unchecked claims.");
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "status";
      input.value = "published";
      document.querySelector("#editor").append(input);
    });
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" &&
                                                                     r.url().endsWith("/admin/articles/new")),
                                          page.click("button[value=save] >> nth=0")]);
    check(response.status() === 403, "the server refuses a contributor's publish (403)");
    await page.goto(fresh(`${base}/`));
    check(!(await page.textContent("body")).includes("Contributor's scoop"), "and nothing was published");
  } finally {
    await context.close();
    proc.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
  console.log(failures ? `${failures} check(s) failed` : "all checks passed");
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
