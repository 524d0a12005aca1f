// @name entity-neighbourhood
// @title Neighbourhood of an entity
// @description Everything directly connected to one entity, facts only (article mentions left out).
// @param id: nodeId = "state:north-korea" — the entity: a name, an alias or an id
// @param limit: integer = 100 — at most this many relationships
MATCH (n {id: $id})-[r]-(m)
WHERE NOT r.id STARTS WITH 'rel:mentions:'
RETURN n, r, m
ORDER BY r.date, r.id
LIMIT $limit
