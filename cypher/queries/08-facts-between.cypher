// @name facts-between
// @title Dated facts between two dates
// @description Relationships whose date falls in a range, oldest first.
// @param from: date = "2024-06-01" — first day (inclusive)
// @param to: date = "2024-12-31" — last day (inclusive)
// @param limit: integer = 200 — at most this many rows
MATCH (a)-[r]->(b)
WHERE r.date >= date($from) AND r.date <= date($to)
RETURN r.date AS date, a.name AS subject, r.summary AS what, b.name AS object, a, r, b
ORDER BY date, subject, r.id
LIMIT $limit
