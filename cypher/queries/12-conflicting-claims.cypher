// @name conflicting-claims
// @title Facts on which sources disagree
// @description Relationships whose sources state different things (e.g. troop numbers), each claim kept with its source.
MATCH (a)-[r]->(b)
UNWIND r.sourceClaims AS claim
WITH a, r, b, claim
WHERE claim <> ''
WITH a, r, b, count(DISTINCT claim) AS claims
WHERE claims > 1
RETURN a.name AS subject, r.summary AS what, b.name AS object, claims, a, r, b
ORDER BY claims DESC, subject, r.id
