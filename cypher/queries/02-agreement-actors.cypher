// @name agreement-actors
// @title Who did what to an agreement
// @description Every actor that signed, ratified, is party to, reported or spoke about an agreement, in date order.
// @param agreement: nodeId = "agreement:comprehensive-strategic-partnership-treaty" — the agreement's id
MATCH (a)-[r:SIGNED|RATIFIED|PARTY_TO|REPORTED|STATED]->(t:Agreement {id: $agreement})
RETURN a.name AS actor, r.summary AS what, r.date AS date, a, r, t
ORDER BY date, actor, r.id
