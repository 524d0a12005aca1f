// @name shortest-path
// @title Shortest chain between two entities
// @description The shortest undirected chain of facts (article mentions left out) linking two entities, up to 6 hops.
// @param from: nodeId = "person:volodymyr-zelenskiy" — the first entity: a name, an alias or an id
// @param to: nodeId = "person:kim-jong-un" — the second entity: a name, an alias or an id
MATCH (a {id: $from}), (b {id: $to})
MATCH p = shortestPath((a)-[:SIGNED|RATIFIED|PARTY_TO|ENTERED_INTO_FORCE|DEPLOYED_TROOPS_TO|MET_WITH|VISITED|PARTICIPATED_IN|HELD_IN|CONCERNS|PRECEDED|LEADER_OF|MEMBER_OF|PART_OF|LOCATED_IN|LAUNCHED|ACCUSED|SUPPLIED|SUPPORTS|OPPOSES|FIGHTS|STATED|CONCERNED_ABOUT|REPORTED*..6]-(b))
RETURN p
