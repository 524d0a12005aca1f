// @name events-between
// @title Events between two dates
// @description Events dated in a range, with what they are connected to.
// @param from: date = "2024-01-01" — first day (inclusive)
// @param to: date = "2024-12-31" — last day (inclusive)
// @param limit: integer = 200 — at most this many rows
MATCH (e:Event)
WHERE e.date >= date($from) AND e.date <= date($to)
OPTIONAL MATCH (e)-[r]-(x)
WHERE NOT r.id STARTS WITH 'rel:mentions:'
RETURN e.date AS date, e.name AS event, e, r, x
ORDER BY date, event, e.id, r.id
LIMIT $limit
