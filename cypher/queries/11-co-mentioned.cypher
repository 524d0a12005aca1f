// @name co-mentioned
// @title Entities mentioned together with an entity
// @description Entities that appear in the same articles as the given one, by number of shared articles.
// @param id: nodeId = "person:choe-son-hui" — the entity: a name, an alias or an id
// @param limit: integer = 25 — at most this many entities
MATCH (x {id: $id})<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(y)
WHERE y.id <> x.id
RETURN y.name AS entity, count(DISTINCT art) AS articles, y
ORDER BY articles DESC, entity
LIMIT $limit
