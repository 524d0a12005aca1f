// Kùzu variant of 09-shortest-path.cypher: Kùzu spells a shortest path inside
// the relationship pattern (`* SHORTEST 1..6`) instead of Neo4j's shortestPath().
MATCH (a {id: $from}), (b {id: $to})
MATCH p = (a)-[:SIGNED|RATIFIED|PARTY_TO|ENTERED_INTO_FORCE|DEPLOYED_TROOPS_TO|MET_WITH|VISITED|PARTICIPATED_IN|HELD_IN|CONCERNS|LEADER_OF|MEMBER_OF|PART_OF|LOCATED_IN|LAUNCHED|ACCUSED|SUPPLIED|SUPPORTS|OPPOSES|FIGHTS|STATED|REPORTED* SHORTEST 1..6]-(b)
RETURN p
