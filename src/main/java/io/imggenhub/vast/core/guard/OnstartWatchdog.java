package io.imggenhub.vast.core.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.config.ServerUrl;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A watchdog that lives on the instance: an onstart block that destroys the instance once its TTL has passed,
 * even while the laptop running imggenhub-vast sleeps. It calls Vast's destroy route with the restricted key Vast
 * injects into every rental as {@code CONTAINER_API_KEY} (and the id as {@code CONTAINER_ID}); the account's own
 * API key is never put on the machine, and this class never sees it.
 *
 * <p>The block is POSIX sh. It writes a small script and starts it with nohup in the background, so the user's
 * own onstart runs on at once. The deadline is kept in a file on first start, so a stop and restart does not
 * extend it, and a restart after the deadline destroys at once. The requests go with the first of curl, GNU wget,
 * python3 and perl found on the instance; with none, the onstart says so loudly in the instance log. Once armed,
 * the watchdog appends {@link #ARMED_SUFFIX} to the instance's label with the same sender and key, which is how
 * the app learns that it really runs; the destroy is tried a few times.
 *
 * <p>Its clock starts when the container first runs, a few minutes after the rent, so a local TTL guard with the
 * same lifetime acts first (and writes the audit reason); the watchdog is the backstop.
 */
public final class OnstartWatchdog {
    /** The first line of the block; the simulator recognises the watchdog by it. */
    public static final String MARKER = "# imggenhub-vast watchdog ttl=";

    public static final String END_MARKER = "# end imggenhub-vast watchdog";
    /** Added to the container environment as well, so the TTL is visible in {@code extra_env}. */
    public static final String ENV_TTL = "IMGGENHUB_VAST_WATCHDOG_TTL";

    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    /** Vast's limit on args + onstart. */
    public static final int MAX_ONSTART_CHARS = 4096;
    /**
     * Appended to the instance's label by the watchdog once it has armed ({@code PUT /api/v0/instances/{id}/} with
     * the instance key, vast-api.md §3.7): the evidence {@code guard list} and the Guard column wait for.
     */
    public static final String ARMED_SUFFIX = " [watchdog armed]";
    /** The heredoc that carries the armed label's JSON body; the simulator reads the body after it. */
    public static final String LABEL_HEREDOC = "IMGGENHUB_VAST_LABEL";

    private static final int MAX_LABEL_CHARS = 1024;

    private static final Pattern MARKER_LINE = Pattern.compile("(?m)^" + Pattern.quote(MARKER) + "(\\d{1,9})\\s*$");
    private static final Pattern BLOCK =
            Pattern.compile("(?s)" + Pattern.quote(MARKER) + "\\d+.*?" + Pattern.quote(END_MARKER) + "\\n?");
    /** Characters that are inert inside a double-quoted sh string and a quoted heredoc. */
    private static final Pattern SAFE_URL = Pattern.compile("[A-Za-z0-9._~:/\\[\\]%-]+");

    private OnstartWatchdog() {}

    /** The onstart block alone, for an instance rented without a label. */
    public static String script(URI server, Duration ttl) {
        return script(server, ttl, null);
    }

    /**
     * The onstart block alone.
     *
     * @param server the Vast server the instance calls back: https, or http only for a loopback simulator
     * @param label  the label the instance is rented with; the watchdog reports itself armed by appending
     *               {@link #ARMED_SUFFIX} to it
     */
    public static String script(URI server, Duration ttl, String label) {
        long seconds = ttlSeconds(ttl);
        String base = safeServer(server);
        return MARKER + seconds + "\n"
                + "# Destroys this instance " + HumanDuration.format(Duration.ofSeconds(seconds))
                + " after its first start, even while imggenhub-vast is closed,\n"
                + "# with the instance's own restricted key (CONTAINER_API_KEY), never the account key.\n"
                + "w=${IMGGENHUB_VAST_WATCHDOG_DIR:-/var/tmp}\n"
                // The first of curl, GNU wget (busybox's has no --method), python3 and perl that is there.
                + "s=\n"
                + "for c in curl wget python3 perl; do\n"
                + "  command -v $c >/dev/null 2>&1 || continue\n"
                + "  if [ $c = wget ]; then case \"$(wget --help 2>&1)\" in *--method*) ;; *) continue;; esac; fi\n"
                + "  s=$c; break\n"
                + "done\n"
                + "if [ -z \"$s\" ]; then\n"
                + "  echo \"imggenhub-vast watchdog NOT ARMED: no curl, GNU wget, python3 or perl to call Vast with;"
                + " this instance will NOT destroy itself\" >&2\n"
                + "else\n"
                + "cat > \"$w/imggenhub-vast-watchdog.json\" <<'" + LABEL_HEREDOC + "'\n"
                + armedLabelBody(label) + "\n"
                + LABEL_HEREDOC + "\n"
                + "cat > \"$w/imggenhub-vast-watchdog.sh\" <<'IMGGENHUB_VAST_WATCHDOG'\n"
                + "f=\"$1/imggenhub-vast-watchdog.deadline\"\n"
                + "s=$2\n"
                + "U=\"" + base + "/api/v0/instances/$CONTAINER_ID/\"; export U\n"
                + "h=\"Authorization: Bearer $CONTAINER_API_KEY\"\n"
                + "j=\"Content-Type: application/json\"\n"
                + "send() {\n"
                + "  case $s in\n"
                + "  curl) if [ -n \"$2\" ]; then curl -fsS -m 30 -X \"$1\" -H \"$h\" -H \"$j\" --data-binary \"@$2\" \"$U\";"
                + " else curl -fsS -m 30 -X \"$1\" -H \"$h\" \"$U\"; fi;;\n"
                + "  wget) if [ -n \"$2\" ]; then wget -q -T 30 -O /dev/null --method=\"$1\" --header=\"$h\""
                + " --header=\"$j\" --body-file=\"$2\" \"$U\";"
                + " else wget -q -T 30 -O /dev/null --method=\"$1\" --header=\"$h\" \"$U\"; fi;;\n"
                + "  python3) python3 -c 'import os,sys,urllib.request as r\n"
                + "b=open(sys.argv[2],\"rb\").read() if sys.argv[2] else None\n"
                + "q=r.Request(os.environ[\"U\"],data=b,method=sys.argv[1],headers={\"Authorization\":\"Bearer \""
                + "+os.environ[\"CONTAINER_API_KEY\"],\"Content-Type\":\"application/json\"})\n"
                + "r.urlopen(q,timeout=30).read()' \"$1\" \"$2\";;\n"
                + "  perl) perl -MHTTP::Tiny -e 'my($m,$f)=@ARGV;my%o=(headers=>{Authorization=>\"Bearer"
                + " $ENV{CONTAINER_API_KEY}\",\"Content-Type\"=>\"application/json\"});"
                + "if($f){open(my$i,\"<\",$f)or die;local$/;$o{content}=<$i>}"
                + "exit(HTTP::Tiny->new(timeout=>30)->request($m,$ENV{U},\\%o)->{success}?0:1)' \"$1\" \"$2\";;\n"
                + "  esac\n"
                + "}\n"
                + "d=$(cat \"$f\" 2>/dev/null)\n"
                + "case \"$d\" in ''|*[!0-9]*) d=$(( $(date +%s) + " + seconds + " )); echo \"$d\" > \"$f\";; esac\n"
                // The evidence the app waits for: the same sender and key that will destroy, proven to work.
                + "if send PUT \"$1/imggenhub-vast-watchdog.json\"; then echo \"armed with $s: destroys instance"
                + " $CONTAINER_ID at epoch $d\"; else echo \"could not report itself armed with $s\"; fi\n"
                + "left=$(( d - $(date +%s) ))\n"
                + "[ \"$left\" -gt 0 ] && sleep \"$left\"\n"
                + "for try in 1 2 3 4 5; do\n"
                + "  send DELETE \"\" && exit 0\n"
                + "  echo \"destroy attempt $try with $s failed\"\n"
                + "  sleep 60\n"
                + "done\n"
                + "echo \"FAILED to destroy instance $CONTAINER_ID: it is STILL BILLING\"\n"
                + "exit 1\n"
                + "IMGGENHUB_VAST_WATCHDOG\n"
                + "nohup sh \"$w/imggenhub-vast-watchdog.sh\" \"$w\" \"$s\" >>\"$w/imggenhub-vast-watchdog.log\" 2>&1 &\n"
                + "echo \"imggenhub-vast watchdog started with $s (log: $w/imggenhub-vast-watchdog.log)\"\n"
                + "fi\n"
                + END_MARKER + "\n";
    }

    /** The label a watchdog reports itself armed with: the rented label and {@link #ARMED_SUFFIX}. */
    public static String armedLabel(String label) {
        String base = label == null ? "" : label;
        int room = MAX_LABEL_CHARS - ARMED_SUFFIX.length();
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return (base + ARMED_SUFFIX).strip();
    }

    /**
     * Whether a listed instance's watchdog has reported itself armed (its label carries {@link #ARMED_SUFFIX}):
     * proof that its script ran, found a way to send, and that Vast took a request made with its key.
     */
    public static boolean isArmed(Instance instance) {
        String label = instance.label();
        return label != null && (label.endsWith(ARMED_SUFFIX) || label.equals(ARMED_SUFFIX.strip()));
    }

    /** {@code {"label": "..."}}; Jackson escapes every control character, so it stays on one heredoc line. */
    private static String armedLabelBody(String label) {
        try {
            return Json.mapper().writeValueAsString(Map.of("label", armedLabel(label)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the label body", e);
        }
    }

    /**
     * The watchdog followed by the user's own onstart (with any earlier watchdog block taken out, so applying it
     * twice replaces rather than stacks).
     *
     * @throws IllegalArgumentException when the result would exceed Vast's 4096 characters
     */
    public static String compose(String userOnstart, URI server, Duration ttl) {
        return compose(userOnstart, server, ttl, null);
    }

    /** {@link #compose(String, URI, Duration)} for an instance rented with {@code label}. */
    public static String compose(String userOnstart, URI server, Duration ttl, String label) {
        String user = strip(userOnstart);
        String combined = script(server, ttl, label) + (user.isBlank() ? "" : user);
        if (combined.length() > MAX_ONSTART_CHARS) {
            throw new IllegalArgumentException("With the watchdog the onstart script would be " + combined.length()
                    + " characters; Vast accepts at most " + MAX_ONSTART_CHARS + ". Shorten your onstart script.");
        }
        return combined;
    }

    /** The rent request with the watchdog in front of its onstart and the TTL in the container environment. */
    public static RentRequest apply(RentRequest request, URI server, Duration ttl) {
        return request.withOnstart(compose(request.onstart(), server, ttl, request.label()))
                .withEnvVar(ENV_TTL, String.valueOf(ttlSeconds(ttl)));
    }

    /** The onstart without our block; the empty string for null. */
    public static String strip(String onstart) {
        return onstart == null ? "" : BLOCK.matcher(onstart).replaceAll("");
    }

    /** The TTL of a watchdog block in this onstart script. */
    public static Optional<Duration> ttlOf(String onstart) {
        if (onstart == null) {
            return Optional.empty();
        }
        Matcher m = MARKER_LINE.matcher(onstart);
        if (!m.find()) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(m.group(1));
        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }

    /**
     * The watchdog TTL of a listed instance, from the marker in its onstart. When a listing leaves {@code onstart}
     * out, the environment marker (only ever set together with the script) stands in for it.
     */
    public static Optional<Duration> ttlOf(Instance instance) {
        if (instance.onstart() != null) {
            return ttlOf(instance.onstart());
        }
        for (List<String> pair : instance.extraEnv()) {
            if (pair.size() >= 2 && pair.get(0) != null && pair.get(1) != null) {
                String key = pair.get(0).strip();
                if (key.equals(ENV_TTL) || key.equals("-e " + ENV_TTL)) {
                    try {
                        long seconds = Long.parseLong(pair.get(1).strip());
                        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static long ttlSeconds(Duration ttl) {
        if (ttl == null || ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("The watchdog lifetime must be at least " + HumanDuration.format(MIN_TTL)
                    + ", not " + HumanDuration.format(ttl));
        }
        long seconds = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
        if (seconds > 999_999_999L) {
            throw new IllegalArgumentException("The watchdog lifetime is too long: " + HumanDuration.format(ttl));
        }
        return seconds;
    }

    private static String safeServer(URI server) {
        if (server == null) {
            throw new IllegalArgumentException("The watchdog needs the Vast server URL it calls back");
        }
        // The instance calls this URL with a key: https only, except a simulator on loopback.
        URI parsed = ServerUrl.parse(server.toString());
        String text = parsed.toString();
        if (!SAFE_URL.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "The server URL has characters the watchdog script cannot carry safely: " + text);
        }
        return text;
    }
}
