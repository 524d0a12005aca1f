// @name entry-into-force
// @title When and where an agreement entered into force
// @description The event at which the agreement took effect, its date, place and participants.
// @param agreement: nodeId = "agreement:comprehensive-strategic-partnership-treaty" — the agreement: a name, an alias or an id
MATCH (t:Agreement {id: $agreement})-[f:ENTERED_INTO_FORCE]->(e:Event)
OPTIONAL MATCH (e)-[h:HELD_IN]->(pl)
OPTIONAL MATCH (who)-[p:PARTICIPATED_IN]->(e)
RETURN coalesce(f.date, e.date) AS date, pl.name AS place, who.name AS participant, t, f, e, h, pl, p, who
ORDER BY participant
