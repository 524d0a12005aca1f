// @name treaty-signers
// @title Who signed an agreement, when and where
// @description The signatories of an agreement with the date and the place of signature.
// @param agreement: nodeId = "agreement:comprehensive-strategic-partnership-treaty" — the agreement's id
MATCH (p)-[s:SIGNED]->(t:Agreement {id: $agreement})
OPTIONAL MATCH (pl:Place)
WHERE pl.id = s.place
RETURN p.name AS signer, s.date AS date, pl.name AS place, p, s, t, pl
ORDER BY signer, s.id
