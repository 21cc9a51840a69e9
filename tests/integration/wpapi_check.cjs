// Reads a Gazette site's WordPress REST subset with npm's wpapi client (as WordPress tools do)
// and prints what it got as JSON, for test_wp_rest.py.
//   node wpapi_check.cjs NODE_MODULES_DIR SITE_URL SEARCH_WORD POST_ID (whose comments are read)
const path = require("node:path");
const { createRequire } = require("node:module");

const [modulesDir, siteUrl, searchWord, postId] = process.argv.slice(2);
const req = createRequire(path.join(path.dirname(path.resolve(modulesDir)), "package.json"));
const WPAPI = req("wpapi");

const paging = (list) => (list._paging ? { total: list._paging.total, totalPages: list._paging.totalPages } : null);
const post = (p) => ({ id: p.id, slug: p.slug, title: p.title.rendered, link: p.link, tags: p.tags });

async function main() {
  // No discovery: the client's bundled wp/v2 routes, as most sites are read.
  const wp = new WPAPI({ endpoint: `${siteUrl}/wp-json` });
  const first = await wp.posts().perPage(2).page(1);
  const second = await wp.posts().perPage(2).page(2);
  const searched = await wp.posts().search(searchWord);
  const tags = await wp.tags().perPage(100);
  const comments = await wp.comments().forPost(Number(postId));
  const one = await wp.posts().id(Number(postId));
  process.stdout.write(
    JSON.stringify({
      first: { items: first.map(post), paging: paging(first) },
      second: { items: second.map(post), paging: paging(second) },
      searched: { items: searched.map(post), paging: paging(searched) },
      tags: tags.map((t) => ({ id: t.id, name: t.name, slug: t.slug, count: t.count, taxonomy: t.taxonomy })),
      comments: comments.map((c) => ({ id: c.id, post: c.post, author_name: c.author_name, content: c.content.rendered })),
      one: post(one),
    }),
  );
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + "\n");
  process.exit(1);
});
