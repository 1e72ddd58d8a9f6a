#!/usr/bin/env bash
# The leak scan of a whole test run. tests/OneTimeBot.Testing's ledger fills a folder with every value no log may
# carry (values-*.txt, "kind TAB value": secrets, passphrases, generated values, secret and metadata keys, links,
# receipt ids, tokens, credentials) and every line any host wrote (logs-*.txt, "source TAB text": loggers at every
# level, the test processes' consoles, hosts run as child processes). The scan looks for every value in every line as
# written, URL-encoded (%XX in either case, or + for a space) and JSON-escaped (\u002B, \", \/, \uD83D\uDE00 ...), and
# fails naming each leak by its kind, its first characters, the forms it was found in and the lines it was found in.
# Usage: scripts/scan-test-logs.sh <ledger folder>
#        scripts/scan-test-logs.sh --self-test [<ledger folder>]
#   --self-test proves the scan finds planted leaks in every form, and no short value inside a longer word nor a word
#   of the bot's own vocabulary a fuzz test sent where a secret goes; given the
#   run's ledger folder, it also requires the leaks OneTimeBot.Host.Tests planted through a real host's logger (in
#   <folder>/planted) to be found and named.
set -euo pipefail
export LC_ALL=C

# Values shorter than this count only as whole words (between the delimiters below), so that a test's "x" or "abc" is
# still looked for without every "x-www-form-urlencoded" raising an alarm.
min=8
delimiters='[][:space:]"'"'"'=:,;&|(){}<>!?[]'

# Writes every line's text, and each decoded form of it that differs, to $2; and "line number TAB form" to $3.
decode() {
  perl -e '
    use strict; no warnings;
    my %escaped = ("n" => " ", "r" => " ", "t" => " ", "b" => " ", "f" => " ");
    sub utf8 { my $c = chr(shift); utf8::encode($c); $c }
    sub url { my $s = shift; $s =~ s/%([0-9A-Fa-f]{2})/chr(hex($1))/ge; $s }
    sub form { my $s = shift; $s =~ tr/+/ /; url($s) }
    sub json {
      my $s = shift;
      $s =~ s/\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))/
        defined $1 ? utf8(0x10000 + ((hex($1) - 0xD800) << 10) + (hex($2) - 0xDC00))
        : defined $3 ? utf8(hex($3)) : ($escaped{$4} \/\/ $4)/ge;
      $s
    }
    open(my $texts, ">", $ARGV[0]) or die "$ARGV[0]: $!";
    open(my $index, ">", $ARGV[1]) or die "$ARGV[1]: $!";
    while (my $line = <STDIN>) {
      chomp $line;
      my (undef, $text) = split /\t/, $line, 2;
      $text //= "";
      my @forms = (["literal", $text]);
      my $json = $text =~ /\\/ ? json($text) : $text;
      push @forms, ["json", $json];
      for my $base (["", $text], ["json+", $json]) {
        my ($before, $t) = @$base;
        push @forms, [$before . "url", url($t)] if $t =~ /%[0-9A-Fa-f]{2}/;
        push @forms, [$before . "form", form($t)] if $t =~ /\+/;
      }
      my $url = url($text);
      push @forms, ["url+json", json($url)] if $url =~ /\\/;
      my %seen;
      for (@forms) {
        my ($form, $t) = @$_;
        $t =~ s/[\r\n\0]/ /g;
        next if $seen{$t}++;
        print $texts "$t\n";
        print $index "$.\t$form\n";
      }
    }' "$2" "$3" <"$1"
}

# Prints what leaked: by kind, by the source of the lines, and each value named by its kind, its first characters
# (a link also by its address up to the key), the forms it was found in and the sources of those lines.
report() {
  local work=$1
  awk -F'\t' '
    function prefix(s, n,   i, c, out, taken) {
      # The first n characters, not bytes: a leak is named without its value, and without a broken character.
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c !~ /[\200-\277]/ && ++taken > n) break
        out = out c
      }
      return out
    }
    function name(value,   last) {
      if (value !~ /^[a-z]+:\/\//) return prefix(value, 4) "…"
      last = match(value, /\/[^\/]*$/)
      return substr(value, 1, last) prefix(substr(value, last + 1), 4) "…"
    }
    function describe(form) {
      if (form == "literal") return "as written"
      if (form == "url") return "URL-encoded"
      if (form == "form") return "form-encoded"
      if (form == "json") return "JSON-escaped"
      return "JSON-escaped and URL-encoded"
    }
    # "count name" items separated by SUBSEP, most first, at most `most` of them.
    function ranked(list, most,   n, items, i, j, swap, out) {
      n = split(substr(list, 2), items, SUBSEP)
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (items[j] + 0 > items[i] + 0) { swap = items[i]; items[i] = items[j]; items[j] = swap }
      for (i = 1; i <= n && i <= most; i++) out = out (i > 1 ? ", " : "") items[i]
      return out (n > most ? ", ..." : "")
    }
    FILENAME == ARGV[1] {
      value = substr($0, index($0, "\t") + 1)
      if (!(value in kinds)) { kinds[value] = $1; ordered[++values] = value }
      else if (index("," kinds[value] ",", "," $1 ",") == 0) kinds[value] = kinds[value] "," $1
      next
    }
    FILENAME == ARGV[2] || FILENAME == ARGV[3] {
      colon = index($0, ":"); variant = substr($0, 1, colon - 1) + 0; found = substr($0, colon + 1)
      if (FILENAME == ARGV[3] && !(found in kinds)) {
        # A whole-word match carries its delimiters; find the value between them.
        if (substr(found, 2) in kinds) found = substr(found, 2)
        else if (substr(found, 1, length(found) - 1) in kinds) found = substr(found, 1, length(found) - 1)
        else found = substr(found, 2, length(found) - 2)
      }
      hits[++hit_count] = variant SUBSEP found
      wanted[variant] = 1
      next
    }
    FILENAME == ARGV[4] {
      if (FNR in wanted) { line_of[FNR] = $1; form_of[FNR] = $2; wanted_line[$1] = 1 }
      next
    }
    FILENAME == ARGV[5] {
      if (FNR in wanted_line) source_of[FNR] = $1
      next
    }
    END {
      for (i = 1; i <= hit_count; i++) {
        split(hits[i], parts, SUBSEP); variant = parts[1]; value = parts[2]; line = line_of[variant]
        if ((value, line) in counted) continue
        counted[value, line] = 1; lines[value]++
        source = source_of[line]; sources[value, source]++
        if (!((value, source) in source_listed)) { source_listed[value, source] = 1; names[value] = names[value] SUBSEP source }
        # A line'\''s variants come literal first: the form named is the least decoding that shows the value.
        form = describe(form_of[variant])
        if (!((value, form) in form_listed)) { separator = value in forms ? ", " : ""; form_listed[value, form] = 1; forms[value] = forms[value] separator form }
        if (!(line in leaking_line)) { leaking_line[line] = 1; leaking_lines++; by_source[source]++ }
      }
      for (v = 1; v <= values; v++) if (ordered[v] in lines) { leaked++; by_kind[kinds[ordered[v]]]++ }
      for (k in by_kind) kind_list = kind_list SUBSEP by_kind[k] " " k
      for (s in by_source) source_list = source_list SUBSEP by_source[s] " " s
      printf "leak scan: FAILED: %d of %d values appear in %d log lines:\n", leaked, values, leaking_lines
      printf "  leaked values by kind: %s\n", ranked(kind_list, 20)
      printf "  leaking lines by source: %s\n", ranked(source_list, 20)
      for (v = 1; v <= values; v++) {
        value = ordered[v]
        if (!(value in lines)) continue
        where = ""
        n = split(substr(names[value], 2), listed, SUBSEP)
        for (s = 1; s <= n; s++) where = where SUBSEP sources[value, listed[s]] " " listed[s]
        printf "  %s %s (%s) in %d log line%s: %s\n", kinds[value], name(value), forms[value], lines[value], lines[value] == 1 ? "" : "s", ranked(where, 3)
      }
    }' "$work/values" "$work/hits.long" "$work/hits.short" "$work/index" "$work/lines"
}

scan() (
  folder=$1
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT

  # Every value once, trimmed: a value is looked for without the spaces around it; a blank one cannot be.
  cat "$folder"/values-*.txt 2>/dev/null | awk -F'\t' '
    { value = substr($0, index($0, "\t") + 1); gsub(/^[ \t\r]+|[ \t\r]+$/, "", value); if (value != "") print $1 "\t" value }
  ' | sort -u >"$work/values" || true
  # The bot's own words a fuzz test sent where a secret goes ("status", "help") are not secrets: leave them out.
  awk -F'\t' 'NR == FNR { if ($1 == "vocabulary") word[substr($0, index($0, "\t") + 1)] = 1; next }
    $1 != "vocabulary" && !(substr($0, index($0, "\t") + 1) in word)' "$work/values" "$work/values" >"$work/values.kept"
  mv "$work/values.kept" "$work/values"
  awk -F'\t' -v min="$min" -v short="$work/short" -v long="$work/long" '
    function chars(s,   c) { c = s; gsub(/[\200-\277]/, "", c); return length(c) }
    { value = substr($0, index($0, "\t") + 1); print value > (chars(value) < min ? short : long) }
  ' "$work/values"
  touch "$work/short" "$work/long"
  sort -u -o "$work/short" "$work/short"
  sort -u -o "$work/long" "$work/long"
  # A whole word: the value between the line's ends, white space, quotes or punctuation that separates fields.
  sed -E 's/[[\.*^$+?(){}|]/\\&/g' "$work/short" |
    awk -v around="$delimiters" '{ print "(^|" around ")(" $0 ")($|" around ")" }' >"$work/short.re"

  cat "$folder"/logs-*.txt 2>/dev/null >"$work/lines" || true
  value_count=$(wc -l <"$work/values")
  line_count=$(wc -l <"$work/lines")
  if [ "$value_count" -eq 0 ] || [ "$line_count" -eq 0 ]; then
    echo "leak scan: nothing to scan ($value_count values, $line_count log lines): was $folder filled by the tests?"
    exit 2
  fi

  decode "$work/lines" "$work/texts" "$work/index"
  : >"$work/hits.long"
  : >"$work/hits.short"
  if [ -s "$work/long" ]; then grep -a -n -o -F -f "$work/long" "$work/texts" >"$work/hits.long" || true; fi
  if [ -s "$work/short" ]; then grep -a -n -o -E -f "$work/short.re" "$work/texts" >"$work/hits.short" || true; fi

  summarize "$work"
  if [ -s "$work/hits.long" ] || [ -s "$work/hits.short" ]; then
    report "$work"
    exit 1
  fi
  echo "leak scan: none of them appears in any log line, as written, URL-encoded or JSON-escaped"
)

# Prints how many values of each kind were looked for, and in how many lines from each kind of source.
summarize() {
  local work=$1 kinds sources
  kinds=$(awk -F'\t' -v min="$min" '
    function chars(s,   c) { c = s; gsub(/[\200-\277]/, "", c); return length(c) }
    { count[$1]++; if (chars(substr($0, index($0, "\t") + 1)) < min) shorter[$1]++ }
    END {
      n = split("secret passphrase generated secret-key metadata-key link receipt-id token credential", order, " ")
      for (i = 1; i <= n; i++) if (order[i] in count) {
        out = out (out == "" ? "" : ", ") count[order[i]] " " order[i] (order[i] in shorter ? " (" shorter[order[i]] " short)" : "")
        delete count[order[i]]
      }
      for (k in count) out = out ", " count[k] " " k
      print out
    }' "$work/values")
  sources=$(awk -F'\t' '{ split($1, part, "/"); count[part[1]]++ } END { for (s in count) out = out (out == "" ? "" : ", ") count[s] " " s; print out }' "$work/lines")
  echo "leak scan: $(( $(wc -l <"$work/long") + $(wc -l <"$work/short") )) values searched for in $(wc -l <"$work/lines") log lines ($sources)"
  echo "  values by kind: $kinds"
  echo "  values shorter than $min characters ($(wc -l <"$work/short")) count only as whole words: between line ends, white space, quotes or = : , ; & | ( ) [ ] { } < > ! ?"
}

# The scan must find a planted leak in every form it claims to read, and no short value inside a longer word.
self_test() (
  planted=$(mktemp -d)
  trap 'rm -rf "$planted"' EXIT
  {
    printf 'secret\tLit3ral-planted-value\n'
    printf 'secret\tPct%% planted+value/\303\251\n'
    printf 'passphrase\tFrm planted value+1\n'
    printf 'generated\tJsn+planted "value"/\303\251\n'
    printf 'token\tRlx "planted" value\n'
    printf 'secret-key\tJur planted+value\n'
    printf 'secret\tEmo\360\237\230\200planted\n'
    printf 'passphrase\tQz7\n'
    printf 'passphrase\tab1\n'
    printf 'secret\tstatus\n'
    printf 'vocabulary\tstatus\n'
  } >"$planted/values-self.txt"
  {
    printf 'logger/Information/Self\tHost started\n'
    printf 'logger/Debug/Self\tSharing failed for Lit3ral-planted-value\n'
    printf 'console/out\tGET /x?s=Pct%%25%%20planted%%2Bvalue%%2F%%c3%%a9 HTTP/1.1\n'
    printf 'logger/Trace/Self\tbody: secret=Frm+planted+value%%2B1&ttl=60\n'
    printf 'child/stdout\t{"Message":"Jsn\\u002Bplanted \\u0022value\\u0022\\/\\u00E9"}\n'
    printf 'child/stderr\t{"Message":"Rlx \\"planted\\" value"}\n'
    printf 'child/stdout\t{"RequestPath":"/secret/Jur%%20planted\\u002Bvalue"}\n'
    printf 'logger/Error/Self\t{"Value":"Emo\\uD83D\\uDE00planted"}\n'
    printf 'logger/Warning/Self\tform: passphrase=Qz7&secret=\n'
    printf 'logger/Warning/Self\tNo cab1e here, nor ab12 nor xab1\n'
    printf 'logger/Information/Self\tSetting HTTP status code 200.\n'
  } >"$planted/logs-self.txt"
  found=0
  output=$(scan "$planted") || found=$?
  expect=(
    "secret Lit3… (as written)"
    "secret Pct%… (URL-encoded)"
    "passphrase Frm … (form-encoded)"
    "generated Jsn+… (JSON-escaped)"
    "token Rlx … (JSON-escaped)"
    "secret-key Jur … (JSON-escaped and URL-encoded)"
    $'secret Emo\360\237\230\200… (JSON-escaped)'
    "passphrase Qz7… (as written)"
  )
  failed=0
  [ "$found" -eq 1 ] || { echo "leak scan: the self-test's planted leaks were not found (exit $found)"; failed=1; }
  for leak in "${expect[@]}"; do
    grep -qF -- "  $leak" <<<"$output" || { echo "leak scan: the self-test's planted leak '$leak' was not named"; failed=1; }
  done
  if grep -qF "  passphrase ab1…" <<<"$output"; then
    echo "leak scan: the self-test's short value inside longer words raised an alarm"
    failed=1
  fi
  if grep -qF " stat… (" <<<"$output"; then
    echo "leak scan: the self-test's fuzz vocabulary word in a secret's place raised an alarm"
    failed=1
  fi
  [ "$failed" -eq 0 ] || { echo "$output"; exit 1; }
)

# The leaks OneTimeBot.Host.Tests planted through a real host's logger and a child host's console must be named.
planted_test() (
  folder=$1/planted
  if [ ! -f "$folder/expected-leaks.txt" ]; then
    echo "leak scan: no leaks planted through a real host in $folder: did OneTimeBot.Host.Tests' leak scan test run?"
    exit 1
  fi
  found=0
  output=$(scan "$folder") || found=$?
  failed=0
  [ "$found" -eq 1 ] || { echo "leak scan: the leaks planted through a real host were not found (exit $found)"; failed=1; }
  while IFS= read -r leak; do
    [ -n "$leak" ] || continue
    grep -qF -- "  $leak" <<<"$output" || { echo "leak scan: the leak planted through a real host '$leak' was not named"; failed=1; }
  done <"$folder/expected-leaks.txt"
  [ "$failed" -eq 0 ] || { echo "$output"; exit 1; }
)

if [ "${1:-}" = "--self-test" ]; then
  self_test
  if [ -n "${2:-}" ]; then planted_test "$2"; fi
  exit 0
fi

scan "${1:?usage: scan-test-logs.sh <ledger folder> | --self-test [<ledger folder>]}"
