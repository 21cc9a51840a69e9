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
  };
  return migrations;
}

}  // namespace gazette::storage::sqlite
