// @name troop-deployments
// @title Troop deployments of a state, with each source's numbers
// @description Where a state sent troops; the relationship's claims hold each source's figure.
// @param state: nodeId = "state:north-korea" — the state: a name, an alias or an id
MATCH (s {id: $state})-[r:DEPLOYED_TROOPS_TO]->(t)
RETURN t.name AS destination, r.sourceArticles AS sources, r.sourceClaims AS claims, s, r, t
ORDER BY destination
