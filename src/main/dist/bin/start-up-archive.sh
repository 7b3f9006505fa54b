# Sourced by both launchers (./cluster-search and a release's bin/cluster-search): the class-data
# sharing archive (AppCDS) of the classes a server loads, used by every `serve` of the jar and the
# JVM it was written with (launch to ready 3.1 → 2.0 s here, bench/harness.sh).
#
# It is written by a training run before the first `serve` that finds none: a server on a free
# loopback port answers a fixed set of requests (TrainingRun: every route and kind of query) and
# stops, and the JVM archives what loaded, so every archive holds the same classes. Before, the
# first server to stop wrote it with whatever it had served, and one such archive made a server of
# a million clusters four times slower (BENCHMARKS.md). JAVA_OPTS stay out of the training run: one
# written under a JFR recording made every later server 6–7 times slower.
#
# start_up_archive ARCHIVE JAR JAVA_ARGS… -- ARGS…: JAVA_ARGS start the program as the launcher
# starts the server (its memory and GC settings, then -jar X, or -cp and a main class; not
# JAVA_OPTS), ARGS are the launcher's. Sets `share` to the JVM option that uses the archive,
# or to nothing (not a server, or the training failed: the server starts without one).
start_up_archive() {
  local cds=$1 jar=$2 java=${JAVA:-java}
  shift 2
  local launch=()
  while [[ $# -gt 0 && $1 != "--" ]]; do launch+=("$1"); shift; done
  shift
  share=""
  [[ " $* " == *" serve "* ]] || return 0
  case " $* " in *" -h "* | *" --help "* | *" -V "* | *" --version "*) return 0 ;; esac
  # Stale when older than the jar or than the JVM's library (a JDK update).
  local jvm
  jvm="$(dirname "$(readlink -f "$(command -v "$java")")")/../lib/server/libjvm.so"
  if [[ ! -f "$cds" || ! "$cds" -nt "$jar" || (-f "$jvm" && ! "$cds" -nt "$jvm") ]]; then
    echo "cluster-search: writing the start-up archive $cds (once per build: a training run of" \
      "the server, some seconds; its log: $cds.log) ..." >&2
    rm -f "$cds"
    mkdir -p "$(dirname "$cds")"
    # Written under a name of its own and renamed whole: two launchers training at once each
    # publish a complete archive.
    if "$java" -XX:ArchiveClassesAtExit="$cds.$$" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
      "${launch[@]}" "$@" --training-run > "$cds.log" 2>&1 && [[ -s "$cds.$$" ]]; then
      mv -f "$cds.$$" "$cds"
    else
      rm -f "$cds.$$"
      echo "cluster-search: the training run failed (its log: $cds.log); starting without" \
        "the archive" >&2
      return 0
    fi
  fi
  share="-XX:SharedArchiveFile=$cds"
}
