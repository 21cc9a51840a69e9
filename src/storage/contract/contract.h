// Contract<B>: the fixture every storage contract case derives from, with helpers that make the
// rows a case needs (an article's owner must be a user, as foreign keys are on in SQLite).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/text.h"
#include "storage/contract/backends.h"

namespace gazette::storage::contract {

template <class B>
class Contract : public ::testing::Test {
 protected:
  accounts::User AddUser(const std::string& email, accounts::Role role = accounts::Role::kEditor) {
    accounts::User u;
    u.email = email;
    u.name = "Name of " + email;
    u.role = role;
    u.password_hash = "$argon2id$hash-of-" + email;
    u.created_at = 1000;
    auto stored = b.users.Insert(u);
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : u;
  }

  content::Article AddArticle(const std::string& slug,
                              content::ArticleStatus status = content::ArticleStatus::kPublished,
                              UnixTime published_at = 5000, const std::vector<std::string>& tags = {}) {
    content::NewArticle a;
    a.slug = slug;
    a.title = "Title of " + slug;
    a.markdown = "Body of *" + slug + "*";
    a.html = "<p>Body of <em>" + slug + "</em></p>";
    a.excerpt = "Body of " + slug;
    a.body_text = "Body of " + slug;
    a.author = "Ann Author";
    a.status = status;
    a.published_at = status == content::ArticleStatus::kPublished ? published_at : 0;
    a.created_at = 4000;
    for (const auto& name : tags) a.tags.push_back(content::Tag{0, name, text::Slugify(name)});
    auto stored = b.articles.Insert(a);
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : content::Article{};
  }

  media::MediaItem AddMedia(const std::string& hash, std::int64_t uploaded_by = 0) {
    media::MediaItem m;
    m.hash = hash;
    m.mime = "image/jpeg";
    m.width = 1600;
    m.height = 900;
    m.bytes = 123456;
    m.variants = {{480, hash + "-480.jpg", "image/jpeg"}, {480, hash + "-480.webp", "image/webp"}};
    m.alt = "A harbour at dawn";
    m.uploaded_by = uploaded_by;
    m.created_at = 3000;
    auto stored = b.media.Insert(m);
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : m;
  }

  comments::Comment AddComment(content::ArticleId article, const std::string& email, comments::CommentStatus status,
                               UnixTime created_at, const std::string& body = "A fair point.") {
    comments::Comment c;
    c.article_id = article;
    c.name = "Reader";
    c.email = email;
    c.website = "https://reader.example";
    c.body = body;
    c.status = status;
    c.created_at = created_at;
    c.ip = "203.0.113.9";
    c.user_agent = "Firefox";
    auto stored = b.comments.Insert(c);
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : c;
  }

  B b;
};

// The error code of a failed Result or Status; kInternal when it did not fail (never expected).
template <class R>
ErrorCode CodeOf(const R& r) {
  return r ? ErrorCode::kInternal : r.error().code;
}

}  // namespace gazette::storage::contract
