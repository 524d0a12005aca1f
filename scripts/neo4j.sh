#!/usr/bin/env bash
# `npm run neo4j`: a local Neo4j (embedded engine + Bolt) for development and CI.
# Builds tools/neo4j once per release line (offline when Maven's cache has everything), then runs
# it in the foreground; it prints "neo4j: ready at bolt://…" and stops on Ctrl-C / SIGTERM.
# `bash scripts/neo4j.sh build` only builds (CI fetches both lines before the tests).
# Variables: tools/neo4j/README.md.
set -euo pipefail
cd "$(dirname "$0")/../tools/neo4j"

say() { echo "neo4j: $*" >&2; }

# NEO4J_VERSION picks the release line: the newest Neo4j (default) or 5.26 LTS.
case "${NEO4J_VERSION:-latest}" in
  latest|2025*|2026*) line=latest; profile=(); min_java=21 ;;
  lts|5|5.26*) line=lts; profile=(-Plts); min_java=17 ;;
  *) say "NEO4J_VERSION must be 'latest' (default, Neo4j 2026.x on Java 21+) or '5.26' (LTS on Java 17+), got '${NEO4J_VERSION}'"; exit 2 ;;
esac

java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p' | head -1
}

# Which JDK: NEO4J_JAVA_HOME if set; else the JDK this line is tested on (Temurin 25 for the
# newest Neo4j, Java 17 for LTS) when installed; else JAVA_HOME or the java on PATH if new enough.
pick_java_home() {
  local candidates=()
  if [ -n "${NEO4J_JAVA_HOME:-}" ]; then candidates=("$NEO4J_JAVA_HOME")
  else
    if [ "$line" = latest ]; then candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64)
    else candidates+=(/usr/lib/jvm/java-17-openjdk-amd64); fi
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
      candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
  fi
  local home major
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] || continue
    major="$(java_major "$home/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge "$min_java" ]; then echo "$home"; return 0; fi
  done
  return 1
}

if ! jhome="$(pick_java_home)"; then
  say "no Java $min_java or newer found (NEO4J_JAVA_HOME, JAVA_HOME, PATH): install a JDK, e.g. 'apt-get install -y openjdk-17-jdk' for NEO4J_VERSION=5.26, or Temurin 25 for the newest Neo4j"
  exit 2
fi
export JAVA_HOME="$jhome"

target="target/$line"
jar="$target/jejak-neo4j-0.1.0.jar"
# Rebuild when the jar is missing or older than the project's sources.
if [ ! -f "$jar" ] || [ ! -f "$target/classpath.txt" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  if ! command -v mvn >/dev/null 2>&1; then
    say "Maven is missing: install it ('apt-get install -y maven') to build the launcher"
    exit 2
  fi
  log="$(mktemp)"
  say "building the launcher ($line) with Maven; the first build downloads Neo4j from Maven Central"
  if ! mvn -q -B -o "${profile[@]}" package >"$log" 2>&1 && ! mvn -q -B "${profile[@]}" package >"$log" 2>&1; then
    say "the Maven build failed; its last lines:"
    grep -v '^WARNING' "$log" | tail -20 >&2
    exit 1
  fi
  rm -f "$log"
fi
if [ "${1:-}" = build ]; then
  # The version is the one of the org.neo4j:neo4j jar Maven resolved.
  version="$(tr ':' '\n' <"$target/classpath.txt" | sed -n 's|.*/org/neo4j/neo4j/\([^/]*\)/neo4j-.*\.jar$|\1|p' | head -1)"
  say "built $line (Neo4j ${version:-?}) in tools/neo4j/$target"
  exit 0
fi

major="$(java_major "$JAVA_HOME/bin/java")"
opts=(-Xmx"${NEO4J_HEAP:-1g}" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow
  -Dio.netty.tryReflectionSetAccessible=true
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)
# Java 24+ warns about sun.misc.Unsafe, which Neo4j's dependencies still use.
[ "$major" -ge 24 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
# JEJAK_DATA_DIR is relative to the project root, where npm runs scripts.
export JEJAK_DATA_DIR="$(cd ../.. && realpath -m "${JEJAK_DATA_DIR:-data}")"
exec "$JAVA_HOME/bin/java" "${opts[@]}" -cp "$jar:$(cat "$target/classpath.txt")" jejak.neo4j.LocalNeo4j
