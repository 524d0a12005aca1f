// @name statements
// @title Statements by an actor
// @description What an actor said (STATED), with the date and each claim's status; optionally only claims of one status.
// @param actor: nodeId = "Kim Jong Un" — the speaker: a name, an alias or an id
// @param status: claimStatus = "" — only statements with a claim of this status
MATCH (a {id: $actor})-[r:STATED]->(x)
WHERE $status = '' OR $status IN r.sourceStatuses
RETURN x.name AS about, r.summary AS statement, r.date AS date, r.datePrecision AS precision, r.sourceStatuses AS statuses, a, r, x
ORDER BY coalesce(r.dateFrom, r.date), about, r.id
