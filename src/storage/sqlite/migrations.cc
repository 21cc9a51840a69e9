// Schema migrations. Never edit a migration that has shipped: add a new one.
#include "storage/sqlite/migrations.h"

namespace gazette::storage::sqlite {

const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> migrations = {
      // 1: articles, tags, comments, settings, related lists.
      R"sql(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  markdown     TEXT NOT NULL,
  html         TEXT NOT NULL,
  excerpt      TEXT NOT NULL,
  author       TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  published_at INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX articles_by_status_date ON articles (status, published_at DESC, id DESC);
CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE
);
CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,  -- 0 is the primary tag
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);
CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  parent_id  INTEGER REFERENCES comments (id) ON DELETE SET NULL,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL,
  website    TEXT NOT NULL,
  body       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
  created_at INTEGER NOT NULL,
  ip         TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at);
CREATE INDEX comments_by_status ON comments (status, created_at);
CREATE TABLE related_articles (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  rank       INTEGER NOT NULL,
  related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  score      REAL NOT NULL,
  PRIMARY KEY (article_id, rank)
);
)sql",
      // 2: a change log written by triggers in the same transaction as every change a reader could
      // see, whichever process made it (the server, or `gazette comments approve`). The page cache
      // reads it to invalidate exactly the pages that changed.
      R"sql(
CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,  -- 'article': the article's page; 'lists': home, archives, feeds
  article_id INTEGER,
  created_at INTEGER NOT NULL DEFAULT (unixepoch())  -- rows older than an hour are pruned
);
CREATE TRIGGER articles_changed_insert AFTER INSERT ON articles BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.id), ('lists', NULL);
END;
CREATE TRIGGER articles_changed_update AFTER UPDATE ON articles BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.id), ('lists', NULL);
END;
CREATE TRIGGER articles_changed_delete AFTER DELETE ON articles BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.id), ('lists', NULL);
END;
CREATE TRIGGER article_tags_changed_insert AFTER INSERT ON article_tags BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id), ('lists', NULL);
END;
CREATE TRIGGER article_tags_changed_delete AFTER DELETE ON article_tags BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id), ('lists', NULL);
END;
CREATE TRIGGER comments_changed_insert AFTER INSERT ON comments WHEN NEW.status = 'approved' BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id), ('comments', NEW.article_id);
END;
CREATE TRIGGER comments_changed_update AFTER UPDATE ON comments
  WHEN OLD.status = 'approved' OR NEW.status = 'approved' OR OLD.body != NEW.body OR OLD.name != NEW.name BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id), ('comments', NEW.article_id);
END;
CREATE TRIGGER comments_changed_delete AFTER DELETE ON comments WHEN OLD.status = 'approved' BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id), ('comments', OLD.article_id);
END;
CREATE TRIGGER related_changed_insert AFTER INSERT ON related_articles BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id);
END;
CREATE TRIGGER related_changed_delete AFTER DELETE ON related_articles BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id);
END;
CREATE TRIGGER settings_changed AFTER UPDATE ON settings BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('all', NULL);
END;
)sql",
      // 3: comments that hold up (issue 4). Why each comment was held or sent to spam, the spam
      // filter's score, the moderators' action log, the learning filter's token counts (trained by
      // approve/spam decisions), articles closed to comments, and an outbox of webhook events
      // written by triggers (only while webhooks are configured), so an event is never lost whichever
      // process made the change.
      // 'comments-all' tags the site-wide comment feed; a new setting invalidates every page.
      R"sql(
ALTER TABLE comments ADD COLUMN moderation_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN spam_score REAL;
CREATE INDEX comments_by_email ON comments (email, status);
CREATE TABLE comment_actions (
  id          INTEGER PRIMARY KEY,
  comment_id  INTEGER NOT NULL,
  action      TEXT NOT NULL,  -- approve, spam, trash, restore, pending
  from_status TEXT NOT NULL,
  actor       TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX comment_actions_by_comment ON comment_actions (comment_id, id);
CREATE TABLE spam_tokens (
  token TEXT PRIMARY KEY,
  spam  INTEGER NOT NULL DEFAULT 0,  -- how many spam comments contained the token
  ham   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE spam_training (
  comment_id INTEGER PRIMARY KEY,  -- each comment counts once, as its latest decision
  is_spam    INTEGER NOT NULL
);
CREATE TABLE spam_totals (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  spam_docs     INTEGER NOT NULL DEFAULT 0,
  ham_docs      INTEGER NOT NULL DEFAULT 0,
  spam_features INTEGER NOT NULL DEFAULT 0,  -- sums of spam_tokens.spam and .ham
  ham_features  INTEGER NOT NULL DEFAULT 0,
  vocabulary    INTEGER NOT NULL DEFAULT 0   -- spam_tokens rows with a count
);
INSERT INTO spam_totals (id) VALUES (1);
CREATE TABLE comment_closed_articles (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);
CREATE TRIGGER comment_closed_insert AFTER INSERT ON comment_closed_articles BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id);
END;
CREATE TRIGGER comment_closed_delete AFTER DELETE ON comment_closed_articles BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id);
END;
CREATE TRIGGER comments_all_insert AFTER INSERT ON comments WHEN NEW.status = 'approved' BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('comments-all', NULL);
END;
CREATE TRIGGER comments_all_update AFTER UPDATE ON comments
  WHEN OLD.status = 'approved' OR NEW.status = 'approved' BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('comments-all', NULL);
END;
CREATE TRIGGER comments_all_delete AFTER DELETE ON comments WHEN OLD.status = 'approved' BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('comments-all', NULL);
END;
CREATE TRIGGER settings_added AFTER INSERT ON settings BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('all', NULL);
END;
CREATE TABLE webhook_outbox (
  id              INTEGER PRIMARY KEY,
  event           TEXT NOT NULL,  -- comment.created, comment.approved
  comment_id      INTEGER NOT NULL,
  created_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,  -- unix milliseconds
  done            INTEGER NOT NULL DEFAULT 0   -- 1 delivered, 2 given up
);
CREATE INDEX webhook_outbox_pending ON webhook_outbox (done, next_attempt_at);
CREATE TRIGGER webhook_comment_created AFTER INSERT ON comments
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'comments.webhook_urls' AND value != '') BEGIN
  INSERT INTO webhook_outbox (event, comment_id) VALUES ('comment.created', NEW.id);
END;
CREATE TRIGGER webhook_comment_approved_insert AFTER INSERT ON comments
  WHEN NEW.status = 'approved' AND EXISTS (SELECT 1 FROM settings WHERE key = 'comments.webhook_urls' AND value != '')
  BEGIN
  INSERT INTO webhook_outbox (event, comment_id) VALUES ('comment.approved', NEW.id);
END;
CREATE TRIGGER webhook_comment_approved AFTER UPDATE OF status ON comments
  WHEN NEW.status = 'approved' AND OLD.status != 'approved'
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'comments.webhook_urls' AND value != '') BEGIN
  INSERT INTO webhook_outbox (event, comment_id) VALUES ('comment.approved', NEW.id);
END;
)sql",
      // 4: search and "You May Also Like" (issue 5).
      // The search index is an FTS5 table kept by triggers, so it changes in the same transaction as
      // the article and only ever holds published articles. body_text is the article's plain text,
      // written by the application (Markdown is rendered in C++); old rows get their Markdown without
      // backslash escapes until `gazette search rebuild` derives it properly.
      // The related tables hold the term vectors behind the precomputed lists, so that a publish
      // updates only the lists it touches: related_terms (vocabulary and document frequencies),
      // related_vectors (each indexed article's vectors) and related_stats (corpus size, mean
      // length, and a version that tells other processes their in-memory index is stale).
      // related_overrides holds the editors' pins and exclusions.
      R"sql(
ALTER TABLE articles ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
UPDATE articles SET body_text = replace(markdown, '\', '');
CREATE VIRTUAL TABLE article_search USING fts5(
  title, body, tags, author,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO article_search (rowid, title, body, tags, author)
  SELECT a.id, a.title, a.body_text,
         coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                   WHERE x.article_id = a.id), ''),
         a.author
  FROM articles a WHERE a.status = 'published';
CREATE TRIGGER search_article_insert AFTER INSERT ON articles WHEN NEW.status = 'published' BEGIN
  INSERT INTO article_search (rowid, title, body, tags, author)
    VALUES (NEW.id, NEW.title, NEW.body_text, '', NEW.author);
END;
CREATE TRIGGER search_article_update AFTER UPDATE OF title, body_text, author, status ON articles BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  INSERT INTO article_search (rowid, title, body, tags, author)
    SELECT a.id, a.title, a.body_text,
           coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                     WHERE x.article_id = a.id), ''),
           a.author
    FROM articles a WHERE a.id = NEW.id AND a.status = 'published';
END;
CREATE TRIGGER search_article_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
END;
CREATE TRIGGER search_tags_insert AFTER INSERT ON article_tags BEGIN
  DELETE FROM article_search WHERE rowid = NEW.article_id;
  INSERT INTO article_search (rowid, title, body, tags, author)
    SELECT a.id, a.title, a.body_text,
           coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                     WHERE x.article_id = a.id), ''),
           a.author
    FROM articles a WHERE a.id = NEW.article_id AND a.status = 'published';
END;
CREATE TRIGGER search_tags_delete AFTER DELETE ON article_tags BEGIN
  DELETE FROM article_search WHERE rowid = OLD.article_id;
  INSERT INTO article_search (rowid, title, body, tags, author)
    SELECT a.id, a.title, a.body_text,
           coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                     WHERE x.article_id = a.id), ''),
           a.author
    FROM articles a WHERE a.id = OLD.article_id AND a.status = 'published';
END;
CREATE TRIGGER search_tag_renamed AFTER UPDATE OF name ON tags BEGIN
  DELETE FROM article_search WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
  INSERT INTO article_search (rowid, title, body, tags, author)
    SELECT a.id, a.title, a.body_text,
           coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                     WHERE x.article_id = a.id), ''),
           a.author
    FROM articles a
    WHERE a.id IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id) AND a.status = 'published';
END;

CREATE TABLE related_terms (
  id   INTEGER PRIMARY KEY,
  term TEXT NOT NULL UNIQUE,
  df   INTEGER NOT NULL DEFAULT 0  -- how many posted articles contain the term
);
CREATE TABLE related_vectors (
  article_id   INTEGER PRIMARY KEY,
  published_at INTEGER NOT NULL,
  posted       INTEGER NOT NULL,  -- 1: counted in the statistics and a candidate for other lists
  length       REAL NOT NULL,     -- term count, for BM25 length normalisation
  shared       REAL NOT NULL,     -- share of its words' weight on words other articles have too
  base         BLOB NOT NULL,     -- (term id, weight) pairs: the strongest terms of the article's own text
  vector       BLOB NOT NULL,     -- (term id, weight) pairs: the expanded vector lists are computed from
  terms        BLOB NOT NULL      -- every distinct term id of the article, for document frequencies
);
CREATE TABLE related_stats (
  key   TEXT PRIMARY KEY,  -- 'documents', 'total_length', 'version'
  value REAL NOT NULL
);
CREATE INDEX related_articles_by_related ON related_articles (related_id);
CREATE TABLE related_overrides (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  other_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('pin', 'exclude')),
  created_at INTEGER NOT NULL,  -- pins are listed oldest first
  PRIMARY KEY (article_id, other_id)
);
CREATE INDEX related_overrides_by_other ON related_overrides (other_id);
)sql",
      // 5: the newsroom. Accounts (users, browser sessions, API tokens; tokens stored as SHA-256,
      // passwords as Argon2id) and the editorial state kept beside articles rather than in them:
      // who owns an article, when a draft is scheduled to go live, what is in the trash, every
      // saved revision, and uploaded media.
      R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('administrator', 'editor', 'author', 'contributor')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  ip           TEXT NOT NULL DEFAULT '',
  user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE article_owners (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE TABLE article_schedule (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  publish_at INTEGER NOT NULL
);
CREATE INDEX article_schedule_by_time ON article_schedule (publish_at);
CREATE TABLE article_trash (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  trashed_at INTEGER NOT NULL
);
CREATE TABLE article_revisions (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  markdown   TEXT NOT NULL,
  excerpt    TEXT NOT NULL,
  author     TEXT NOT NULL,
  tags       TEXT NOT NULL,  -- tag names, one per line, the primary first
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id);
CREATE TABLE media (
  id          INTEGER PRIMARY KEY,
  hash        TEXT NOT NULL UNIQUE,  -- SHA-256 of the original bytes; names the files
  mime        TEXT NOT NULL,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  bytes       INTEGER NOT NULL,
  variants    TEXT NOT NULL,  -- the stored files, one per line: width, file name, type
  alt         TEXT NOT NULL DEFAULT '',
  uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at  INTEGER NOT NULL
);
)sql",
      // 6: search filters inside the index. Tag and date filters joined the articles table for every
      // match, which cost tens of milliseconds for a common word in a large archive; the index now
      // carries them as tokens in a `facets` column (y2005 m200501 d20050110, and t<hex of the tag
      // slug>0 per tag), so a filtered search is one FTS5 query. The view names what is indexed.
      R"sql(
DROP TRIGGER search_article_insert;
DROP TRIGGER search_article_update;
DROP TRIGGER search_article_delete;
DROP TRIGGER search_tags_insert;
DROP TRIGGER search_tags_delete;
DROP TRIGGER search_tag_renamed;
DROP TABLE article_search;
CREATE VIEW article_search_source AS
  SELECT a.id AS id, a.title AS title, a.body_text AS body,
         coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                   WHERE x.article_id = a.id), '') AS tags,
         a.author AS author,
         strftime('y%Y m%Y%m d%Y%m%d', a.published_at, 'unixepoch') ||
           coalesce((SELECT ' ' || group_concat('t' || hex(t.slug) || '0', ' ') FROM article_tags x
                     JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '') AS facets
  FROM articles a WHERE a.status = 'published';
CREATE VIRTUAL TABLE article_search USING fts5(
  title, body, tags, author, facets,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO article_search (rowid, title, body, tags, author, facets)
  SELECT id, title, body, tags, author, facets FROM article_search_source;
CREATE TRIGGER search_article_insert AFTER INSERT ON articles WHEN NEW.status = 'published' BEGIN
  INSERT INTO article_search (rowid, title, body, tags, author, facets)
    SELECT id, title, body, tags, author, facets FROM article_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER search_article_update AFTER UPDATE OF title, body_text, author, status, published_at ON articles
BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  INSERT INTO article_search (rowid, title, body, tags, author, facets)
    SELECT id, title, body, tags, author, facets FROM article_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER search_article_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
END;
CREATE TRIGGER search_tags_insert AFTER INSERT ON article_tags BEGIN
  DELETE FROM article_search WHERE rowid = NEW.article_id;
  INSERT INTO article_search (rowid, title, body, tags, author, facets)
    SELECT id, title, body, tags, author, facets FROM article_search_source WHERE id = NEW.article_id;
END;
CREATE TRIGGER search_tags_delete AFTER DELETE ON article_tags BEGIN
  DELETE FROM article_search WHERE rowid = OLD.article_id;
  INSERT INTO article_search (rowid, title, body, tags, author, facets)
    SELECT id, title, body, tags, author, facets FROM article_search_source WHERE id = OLD.article_id;
END;
CREATE TRIGGER search_tag_renamed AFTER UPDATE OF name, slug ON tags BEGIN
  DELETE FROM article_search WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
  INSERT INTO article_search (rowid, title, body, tags, author, facets)
    SELECT id, title, body, tags, author, facets FROM article_search_source
    WHERE id IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
END;
)sql",
      // 7: the headline key of each article in the related index, so that two articles with one
      // headline (revised versions of a story) are never listed together. 0 until the next update
      // or `gazette related rebuild`.
      R"sql(
ALTER TABLE related_vectors ADD COLUMN headline INTEGER NOT NULL DEFAULT 0;
)sql",
      // 8: two choices an editor makes per article beside its text. Commenting: an explicit open
      // or closed that overrides the site's rules either way (no row: the site's rules decide);
      // it replaces comment_closed_articles, which could only close. The featured image: one
      // image of the media library with the article's own alt text and caption.
      R"sql(
CREATE TABLE article_commenting (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  open       INTEGER NOT NULL CHECK (open IN (0, 1))
);
INSERT INTO article_commenting (article_id, open) SELECT article_id, 0 FROM comment_closed_articles;
DROP TABLE comment_closed_articles;
CREATE TRIGGER article_commenting_insert AFTER INSERT ON article_commenting BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id);
END;
CREATE TRIGGER article_commenting_update AFTER UPDATE ON article_commenting BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id);
END;
CREATE TRIGGER article_commenting_delete AFTER DELETE ON article_commenting BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id);
END;
CREATE TABLE article_featured_images (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  media_id   INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  alt        TEXT NOT NULL,
  caption    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX article_featured_images_by_media ON article_featured_images (media_id);
CREATE TRIGGER article_featured_images_insert AFTER INSERT ON article_featured_images BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id);
END;
CREATE TRIGGER article_featured_images_update AFTER UPDATE ON article_featured_images BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id);
END;
CREATE TRIGGER article_featured_images_delete AFTER DELETE ON article_featured_images BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id);
END;
)sql",
      // 9: a change to the site's settings (title, URL, permalink pattern, comment rules) changes
      // every page, whichever process made it (the admin, `gazette settings set`): log it as 'all',
      // which empties the page cache and makes running servers reload their settings.
      R"sql(
CREATE TRIGGER settings_changed_insert AFTER INSERT ON settings BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('all', NULL);
END;
CREATE TRIGGER settings_changed_update AFTER UPDATE ON settings WHEN OLD.value IS NOT NEW.value BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('all', NULL);
END;
CREATE TRIGGER settings_changed_delete AFTER DELETE ON settings BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('all', NULL);
END;
)sql",
      // 10: cards on the home page and in archives show the featured image, so a change to it
      // touches the lists too. And the slugs an article had before, written by a trigger whatever
      // changed the slug, so that its old addresses keep answering with a redirect.
      R"sql(
DROP TRIGGER article_featured_images_insert;
DROP TRIGGER article_featured_images_update;
DROP TRIGGER article_featured_images_delete;
CREATE TRIGGER article_featured_images_insert AFTER INSERT ON article_featured_images BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id), ('lists', NULL);
END;
CREATE TRIGGER article_featured_images_update AFTER UPDATE ON article_featured_images BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id), ('lists', NULL);
END;
CREATE TRIGGER article_featured_images_delete AFTER DELETE ON article_featured_images BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id), ('lists', NULL);
END;
CREATE TABLE article_old_slugs (
  slug       TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_old_slugs_by_article ON article_old_slugs (article_id);
CREATE TRIGGER article_slug_changed AFTER UPDATE OF slug ON articles WHEN OLD.slug IS NOT NEW.slug BEGIN
  DELETE FROM article_old_slugs WHERE slug = NEW.slug;
  INSERT OR REPLACE INTO article_old_slugs (slug, article_id) VALUES (OLD.slug, NEW.id);
END;
)sql",
      // 11: the change log and the webhook outbox are read with a cursor (the newest id seen) and
      // pruned by age. Without AUTOINCREMENT SQLite gives a new row max(id) + 1, so once pruning
      // empties a table its ids start again at 1, below every reader's cursor: servers stopped
      // seeing changes (pages stayed stale) and webhook receivers took new events for deliveries
      // they had seen. AUTOINCREMENT keeps the high-water mark in sqlite_sequence, so ids never go
      // back, whatever is deleted; copying the rows seeds it. The triggers that write these tables
      // name them, so the swap runs with legacy_alter_table (the rename must not check or rewrite
      // them while the old table is gone).
      R"sql(
PRAGMA legacy_alter_table = ON;
CREATE TABLE change_log_new (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: readers keep a cursor
  kind       TEXT NOT NULL,
  article_id INTEGER,
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
INSERT INTO change_log_new (id, kind, article_id, created_at) SELECT id, kind, article_id, created_at FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
CREATE TABLE webhook_outbox_new (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- the delivery id receivers deduplicate by
  event           TEXT NOT NULL,
  comment_id      INTEGER NOT NULL,
  created_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  done            INTEGER NOT NULL DEFAULT 0
);
INSERT INTO webhook_outbox_new (id, event, comment_id, created_at, attempts, next_attempt_at, done)
  SELECT id, event, comment_id, created_at, attempts, next_attempt_at, done FROM webhook_outbox;
DROP TABLE webhook_outbox;
ALTER TABLE webhook_outbox_new RENAME TO webhook_outbox;
CREATE INDEX webhook_outbox_pending ON webhook_outbox (done, next_attempt_at);
PRAGMA legacy_alter_table = OFF;
)sql",
      // 12: migrations 2 and 3 logged every settings update and insert as 'all'; migration 9 added
      // triggers that do it only when the value changed (and on delete), but left the old ones, so
      // every change was logged twice and a same-value update still emptied every page cache.
      R"sql(
DROP TRIGGER settings_changed;
DROP TRIGGER settings_added;
)sql",
      // 13: authors as people, not a string (issue 11): joint bylines, a page per author with a
      // biography and photo. articles.author keeps the byline as text ("A and B") for search;
      // article_authors is the truth. Existing bylines become one author each (gazette_slug is
      // text::Slugify, registered on every connection). Search gains an author facet
      // (a<hex of the author slug>0) so that a filtered search stays one FTS5 query.
      R"sql(
CREATE TABLE authors (
  id             INTEGER PRIMARY KEY,
  slug           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  bio            TEXT NOT NULL DEFAULT '',
  photo_media_id INTEGER
);
CREATE TABLE article_authors (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  author_id  INTEGER NOT NULL REFERENCES authors (id),
  PRIMARY KEY (article_id, position)
);
CREATE INDEX article_authors_by_author ON article_authors (author_id, article_id);
INSERT OR IGNORE INTO authors (name, slug)
  SELECT author, gazette_slug(author) FROM articles WHERE gazette_slug(author) != ''
  GROUP BY gazette_slug(author) ORDER BY min(id);
INSERT INTO article_authors (article_id, position, author_id)
  SELECT a.id, 0, au.id FROM articles a JOIN authors au ON au.slug = gazette_slug(a.author);
CREATE TRIGGER article_authors_insert AFTER INSERT ON article_authors BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id), ('lists', NULL);
  DELETE FROM article_search WHERE rowid = NEW.article_id;
  INSERT INTO article_search (rowid, title, body, tags, author, facets)
    SELECT id, title, body, tags, author, facets FROM article_search_source WHERE id = NEW.article_id;
END;
CREATE TRIGGER article_authors_delete AFTER DELETE ON article_authors BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id), ('lists', NULL);
  DELETE FROM article_search WHERE rowid = OLD.article_id;
  INSERT INTO article_search (rowid, title, body, tags, author, facets)
    SELECT id, title, body, tags, author, facets FROM article_search_source WHERE id = OLD.article_id;
END;
CREATE TRIGGER authors_changed AFTER UPDATE ON authors BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('lists', NULL);
END;
DROP VIEW article_search_source;
CREATE VIEW article_search_source AS
  SELECT a.id AS id, a.title AS title, a.body_text AS body,
         coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                   WHERE x.article_id = a.id), '') AS tags,
         a.author AS author,
         strftime('y%Y m%Y%m d%Y%m%d', a.published_at, 'unixepoch') ||
           coalesce((SELECT ' ' || group_concat('t' || hex(t.slug) || '0', ' ') FROM article_tags x
                     JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '') ||
           coalesce((SELECT ' ' || group_concat('a' || hex(u.slug) || '0', ' ') FROM article_authors x
                     JOIN authors u ON u.id = x.author_id WHERE x.article_id = a.id), '') AS facets
  FROM articles a WHERE a.status = 'published';
DELETE FROM article_search;
INSERT INTO article_search (rowid, title, body, tags, author, facets)
  SELECT id, title, body, tags, author, facets FROM article_search_source;
)sql",
      // 14: each image's fixed-ratio crops for structured data (media/crop.h), one per line:
      // ratio, width, height, file name, type. Images stored before this have none until
      // `gazette media crops` makes them, which changes what their articles' pages say.
      R"sql(
ALTER TABLE media ADD COLUMN crops TEXT NOT NULL DEFAULT '';
CREATE TRIGGER media_crops_changed AFTER UPDATE OF crops ON media WHEN OLD.crops IS NOT NEW.crops BEGIN
  INSERT INTO change_log (kind, article_id)
    SELECT 'article', article_id FROM article_featured_images WHERE media_id = NEW.id;
END;
)sql",
      // 15: WebSub pings (issue 11). While a hub is set, any change to a published article (or its
      // unpublishing) queues a ping in the same transaction; feeds::WebSubPublisher tells the hub
      // which feeds changed, retrying with back-off. Ids never go back (AUTOINCREMENT).
      R"sql(
CREATE TABLE websub_pings (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id      INTEGER NOT NULL,
  created_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,  -- unix milliseconds
  done            INTEGER NOT NULL DEFAULT 0   -- 1 sent or given up
);
CREATE INDEX websub_pings_due ON websub_pings (done, next_attempt_at);
CREATE TRIGGER websub_article_inserted AFTER INSERT ON articles
  WHEN NEW.status = 'published' AND EXISTS (SELECT 1 FROM settings WHERE key = 'feed.websub_hub' AND value != '')
  BEGIN
  INSERT INTO websub_pings (article_id) VALUES (NEW.id);
END;
CREATE TRIGGER websub_article_changed AFTER UPDATE ON articles
  WHEN (NEW.status = 'published' OR OLD.status = 'published')
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'feed.websub_hub' AND value != '') BEGIN
  INSERT INTO websub_pings (article_id) VALUES (NEW.id);
END;
)sql",
      // 16: corrections (issue 11): notes an editor adds to a published article, shown at its foot
      // with their dates; each is also kept with the revision saved with it.
      R"sql(
CREATE TABLE article_corrections (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  note       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX article_corrections_by_article ON article_corrections (article_id);
CREATE TRIGGER article_corrections_insert AFTER INSERT ON article_corrections BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', NEW.article_id), ('lists', NULL);
END;
CREATE TRIGGER article_corrections_delete AFTER DELETE ON article_corrections BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('article', OLD.article_id), ('lists', NULL);
END;
ALTER TABLE article_revisions ADD COLUMN correction TEXT NOT NULL DEFAULT '';
)sql",
      // 17: static pages (content/pages.h): an article row of kind 'page', served at its slug (a
      // path such as 'about/team'). Pages share the slug column so that a page and an article
      // never take one slug; every list, count, feed and related list reads kind = 'article'.
      // Search leaves pages out too: its results are dated stories with bylines and filters.
      R"sql(
ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'page'));
DROP VIEW article_search_source;
CREATE VIEW article_search_source AS
  SELECT a.id AS id, a.title AS title, a.body_text AS body,
         coalesce((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id
                   WHERE x.article_id = a.id), '') AS tags,
         a.author AS author,
         strftime('y%Y m%Y%m d%Y%m%d', a.published_at, 'unixepoch') ||
           coalesce((SELECT ' ' || group_concat('t' || hex(t.slug) || '0', ' ') FROM article_tags x
                     JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '') ||
           coalesce((SELECT ' ' || group_concat('a' || hex(u.slug) || '0', ' ') FROM article_authors x
                     JOIN authors u ON u.id = x.author_id WHERE x.article_id = a.id), '') AS facets
  FROM articles a WHERE a.status = 'published' AND a.kind = 'article';
)sql",
      // 18: redirects (content/redirects.h): old addresses, normalised, that answer 301 with an
      // article's current address or a stored path or URL; exactly one of the two is set. Any
      // change logs 'redirects', the cache tag of every stored redirect's 301.
      R"sql(
CREATE TABLE redirects (
  source     TEXT PRIMARY KEY,
  article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
  target     TEXT,
  CHECK ((article_id IS NULL) != (target IS NULL))
);
CREATE INDEX redirects_by_article ON redirects (article_id) WHERE article_id IS NOT NULL;
CREATE TRIGGER redirects_insert AFTER INSERT ON redirects BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('redirects', NULL);
END;
CREATE TRIGGER redirects_update AFTER UPDATE ON redirects BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('redirects', NULL);
END;
CREATE TRIGGER redirects_delete AFTER DELETE ON redirects BEGIN
  INSERT INTO change_log (kind, article_id) VALUES ('redirects', NULL);
END;
)sql",
      // 19: article webhooks (article.published, .updated, .unpublished). While site.webhook_urls
      // is set, triggers write each event in the same transaction as the change, with the address
      // the article had (an unpublished article's old page is what a CDN must purge), so that no
      // event is lost whichever process made it. "Updated" is an edit of a published article: its
      // text, address or byline changed, or updated_at moved (ArticleStore::Update sets it with
      // every saved change, tags included; within the second of the previous change only the
      // columns tell).
      R"sql(
CREATE TABLE article_webhook_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- the delivery id: never reused
  event           TEXT NOT NULL,
  article_id      INTEGER NOT NULL,
  slug            TEXT NOT NULL,
  published_at    INTEGER NOT NULL,
  old_slug        TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,  -- unix milliseconds
  done            INTEGER NOT NULL DEFAULT 0   -- 1 delivered, 2 given up
);
CREATE INDEX article_webhook_outbox_pending ON article_webhook_outbox (done, next_attempt_at);
CREATE TRIGGER webhook_article_inserted AFTER INSERT ON articles
  WHEN NEW.status = 'published' AND EXISTS (SELECT 1 FROM settings WHERE key = 'site.webhook_urls' AND value != '')
  BEGIN
  INSERT INTO article_webhook_outbox (event, article_id, slug, published_at)
    VALUES ('article.published', NEW.id, NEW.slug, NEW.published_at);
END;
CREATE TRIGGER webhook_article_published AFTER UPDATE OF status ON articles
  WHEN NEW.status = 'published' AND OLD.status != 'published'
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'site.webhook_urls' AND value != '') BEGIN
  INSERT INTO article_webhook_outbox (event, article_id, slug, published_at)
    VALUES ('article.published', NEW.id, NEW.slug, NEW.published_at);
END;
CREATE TRIGGER webhook_article_unpublished AFTER UPDATE OF status ON articles
  WHEN OLD.status = 'published' AND NEW.status != 'published'
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'site.webhook_urls' AND value != '') BEGIN
  INSERT INTO article_webhook_outbox (event, article_id, slug, published_at)
    VALUES ('article.unpublished', NEW.id, OLD.slug, OLD.published_at);
END;
CREATE TRIGGER webhook_article_updated AFTER UPDATE ON articles
  WHEN OLD.status = 'published' AND NEW.status = 'published'
   AND (OLD.updated_at IS NOT NEW.updated_at OR OLD.title IS NOT NEW.title OR OLD.html IS NOT NEW.html
        OR OLD.excerpt IS NOT NEW.excerpt OR OLD.author IS NOT NEW.author OR OLD.slug IS NOT NEW.slug
        OR OLD.published_at IS NOT NEW.published_at)
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'site.webhook_urls' AND value != '') BEGIN
  INSERT INTO article_webhook_outbox (event, article_id, slug, published_at, old_slug)
    VALUES ('article.updated', NEW.id, NEW.slug, NEW.published_at,
            CASE WHEN OLD.slug IS NOT NEW.slug THEN OLD.slug ELSE '' END);
END;
CREATE TRIGGER webhook_article_deleted AFTER DELETE ON articles
  WHEN OLD.status = 'published' AND EXISTS (SELECT 1 FROM settings WHERE key = 'site.webhook_urls' AND value != '')
  BEGIN
  INSERT INTO article_webhook_outbox (event, article_id, slug, published_at)
    VALUES ('article.unpublished', OLD.id, OLD.slug, OLD.published_at);
END;
)sql",
      // 20: the import ledger. `gazette import wxr` records what each WordPress post, comment and
      // attachment became (by the export's site and the WordPress id), so that importing the same
      // export again changes nothing and a later export brings in only what is new. No foreign
      // keys: an article deleted since is imported afresh only if its entry is removed.
      R"sql(
CREATE TABLE import_ledger (
  source     TEXT NOT NULL,     -- the exported site's base URL
  kind       TEXT NOT NULL,     -- post, comment, attachment
  source_id  INTEGER NOT NULL,  -- its WordPress id
  gazette_id INTEGER NOT NULL,  -- the article, comment or media item it became
  PRIMARY KEY (source, kind, source_id)
) WITHOUT ROWID;
)sql",
  };
  return migrations;
}

}  // namespace gazette::storage::sqlite
