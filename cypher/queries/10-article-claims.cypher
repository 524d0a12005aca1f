// @name article-claims
// @title All claims from one article
// @description Every fact an article supports (mentions left out), with the article node.
// @param article: nodeId = "article:okezone-2024-11-12-perjanjian-diratifikasi" — the article's id
MATCH (a)-[r]->(b)
WHERE $article IN r.sourceArticles AND NOT r.id STARTS WITH 'rel:mentions:'
MATCH (art:Article {id: $article})
RETURN a.name AS subject, r.summary AS what, b.name AS object, a, r, b, art
ORDER BY r.date, subject, r.id
