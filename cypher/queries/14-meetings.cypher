// @name meetings
// @title Whom an actor met
// @description MET_WITH relationships of an actor in either direction, in date order.
// @param id: nodeId = "person:choe-son-hui" — the actor: a name, an alias or an id
MATCH (p {id: $id})-[r:MET_WITH]-(o)
RETURN o.name AS met, r.date AS date, p, r, o
ORDER BY date, met
