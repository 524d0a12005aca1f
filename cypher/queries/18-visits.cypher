// @name visits
// @title Visits by a person
// @description Where a person (or another actor) went, with the date or period of each visit.
// @param person: nodeId = "Vladimir Putin" — the visitor: a name, an alias or an id
MATCH (p {id: $person})-[r:VISITED]->(x)
RETURN x.name AS visited, r.date AS date, r.datePrecision AS precision, r.dateFrom AS dateFrom, r.dateTo AS dateTo, r.summary AS what, p, r, x
ORDER BY coalesce(r.dateFrom, r.date), visited
