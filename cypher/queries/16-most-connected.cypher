// @name most-connected
// @title Most connected entities
// @description Entities ranked by the number of facts they take part in (article mentions left out).
// @param limit: integer = 15 — how many entities
MATCH (n)-[r]-()
WHERE NOT r.id STARTS WITH 'rel:mentions:'
RETURN n.name AS entity, count(r) AS facts, n
ORDER BY facts DESC, entity
LIMIT $limit
