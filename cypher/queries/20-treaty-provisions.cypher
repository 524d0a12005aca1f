// @name treaty-provisions
// @title What an agreement provides, as the articles quote it
// @description The clauses of an agreement: each claim on a party's PARTY_TO relationship quotes what the agreement obliges it to, with its article.
// @param agreement: nodeId = "agreement:comprehensive-strategic-partnership-treaty" — the agreement: a name, an alias or an id
MATCH (s:State)-[r:PARTY_TO]->(t:Agreement {id: $agreement})
// Parties in name order: collect keeps the order of the rows it is given.
WITH s, r, t ORDER BY s.name
UNWIND range(0, size(r.sourceQuotes) - 1) AS i
WITH t, r.sourceQuotes[i] AS clause, r.sourceArticles[i] AS article, collect(s.name) AS parties
MATCH (art:Article {id: article})
RETURN clause, art.name AS source, parties, art, t
ORDER BY source, clause
