// @name facts-between
// @title Dated facts between two dates
// @description Relationships whose date or range (dateFrom..dateTo) overlaps a window, oldest first; optionally only those with a claim of one status.
// @param from: date = "2024-06-01" — first day (inclusive)
// @param to: date = "2024-12-31" — last day (inclusive)
// @param status: claimStatus = "" — only facts with at least one claim of this status (reported, attributed, attributed-unnamed, alleged, believed, denied)
// @param limit: integer = 200 — at most this many rows
MATCH (a)-[r]->(b)
WHERE coalesce(r.dateFrom, r.date) <= date($to) AND coalesce(r.dateTo, r.date) >= date($from)
  AND ($status = '' OR $status IN r.sourceStatuses)
RETURN r.date AS date, r.datePrecision AS precision, r.dateFrom AS dateFrom, r.dateTo AS dateTo,
       a.name AS subject, r.summary AS what, b.name AS object, r.sourceStatuses AS statuses, a, r, b
ORDER BY coalesce(r.dateFrom, r.date), subject, r.id
LIMIT $limit
