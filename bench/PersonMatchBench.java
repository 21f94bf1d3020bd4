import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.casebridge.parties.domain.matching.BlockingKeys;
import org.casebridge.parties.domain.matching.Match;
import org.casebridge.parties.domain.matching.MatchProfile;
import org.casebridge.parties.domain.matching.PersonMatcher;
import org.casebridge.parties.domain.matching.PersonName;

/**
 * Match-on-register for party-service: latency (p50/p95/p99) and precision/recall, with N synthetic people stored
 * and a generated set of probes whose true match is known. Run from the repository root, against the compiled
 * party-service (no Maven run needed once {@code party-service/target/classes} exists):
 * <pre>
 *   java -Xmx6g -cp "$(cat /tmp/party-cp.txt):party-service/target/classes:platform/target/classes:contracts/target/classes" \
 *       bench/PersonMatchBench.java [people=1000000] [duplicateProbes=10000] [seed=42]
 * </pre>
 * ({@code /tmp/party-cp.txt} is party-service's dependency classpath, e.g. from
 * {@code ./mvnw -q -pl party-service dependency:build-classpath -Dmdep.outputFile=/tmp/party-cp.txt}; only
 * commons-codec and commons-text are needed.)
 *
 * <h2>What is measured, and what stands in for what</h2>
 * On registration party-service asks MongoDB for the people sharing at least one blocking key with the newcomer
 * ({@code MongoPeople#candidatesFor}: {@code blockingKeys $in BlockingKeys.of(incoming)}, status not MERGED, limit
 * 500) and ranks them with {@code PersonMatcher.standard().rank(incoming, candidates, 10)}
 * ({@code PossibleMatches#of}). This benchmark runs that path <b>in-process</b>: the embedded MongoDB-wire server on
 * the development machine scans the whole collection (it does not use indexes) and no real MongoDB is available (no
 * Docker), so a database-backed figure for 1,000,000 people cannot be taken here. Instead an in-memory blocking index
 * — a {@code HashMap<String, List<MatchProfile>>} from blocking key to the people filed under it — stands exactly for
 * the indexed {@code blockingKeys} array field:
 * <ul>
 * <li>the keys are the service's own ({@code BlockingKeys.of}), stored for every person at load as
 * {@code PersonDocument} stores them;</li>
 * <li>the same 500-candidate cap, applied the way MongoDB applies {@code limit} to an {@code $in} over a multikey
 * index: the index is walked key by key in ascending key order, people within a key in insertion (record id) order,
 * each person taken once, and the walk stops at 500 distinct people. So when a lookup hits the cap it is the
 * later keys (in string order {@code dob: < fam: < id: < pc:}) that lose candidates;</li>
 * <li>scoring is the service's own {@code PersonMatcher.standard().rank(..., 10)}.</li>
 * </ul>
 * The latency per probe is {@code BlockingKeys.of} + index lookup + {@code rank}, timed with
 * {@code System.nanoTime}. It does <b>not</b> include fetching and decoding up to 500 documents from MongoDB, nor
 * turning them into profiles, nor HTTP: with a real database those would add to it and probably dominate it.
 * Probes are not stored (the service matches before it inserts the newcomer), so every probe sees the same store.
 *
 * <h2>The synthetic data</h2>
 * People: given names from birth-era lists of common England &amp; Wales names (both sexes, Zipf-weighted, many with
 * nicknames); surnames from a Zipf-like distribution over ~300 common UK / Teesside surnames (about 35% of people;
 * Smith about 1.5%) plus a long tail of ~2,700 English-looking compound surnames (Ashfield, Thornley...) for the
 * rest; dates of birth 1930-2015, 10% partial (year only or year-month); 1-2 postcodes from Tees Valley districts
 * TS1-TS29 and DL1-DL5 with generated sectors and units (~45,000 postcodes); 30% with an NHS number (valid modulus
 * 11), 20% of adults with a National Insurance number; 8% of women have a maiden name as a second name.
 * <p>
 * Duplicate probes: an existing person re-registered with one (60%) or two (40%) variations: surname typo
 * (transposition, insertion, substitution, deletion), nickname for the given name, given and family name swapped,
 * date of birth only partly known, day and month swapped, moved postcode (half within the district), identifiers
 * missing, same NHS number with another surname (and in 30% another given name too). Otherwise the probe repeats the
 * existing person's name, date of birth, one postcode and identifiers. Non-duplicate probes (as many): new random
 * people (50%), siblings (same surname and postcode, different given name and date of birth, 40%), twins (same
 * surname, postcode and date of birth, different given name, 5%) and same-name parent/child at the same postcode
 * (5%). The benchmark's nickname table is its own, not the service's list, so a nickname the service does not know
 * shows up as a miss.
 * <p>
 * A duplicate probe is a true positive at a threshold when the top match is the true person and scores at or above
 * it; a match at or above the threshold is a false positive when the probe is not a duplicate or the top match is
 * the wrong person. Precision therefore depends on the 50/50 mix of duplicates and non-duplicates chosen here.
 */
public class PersonMatchBench {

    static final int MAX_CANDIDATES = 500; // MongoPeople.MAX_CANDIDATES
    static final int SHOWN = 10; // PossibleMatches.SHOWN
    static final int LIKELY = PersonMatcher.LIKELY;
    static final int POSSIBLE = PersonMatcher.POSSIBLE;

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int duplicates = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        PersonMatcher matcher = PersonMatcher.standard();

        System.out.printf("PersonMatchBench: %,d people, %,d duplicate + %,d non-duplicate probes, seed %d%n", people,
                duplicates, duplicates, seed);
        System.out.printf("JVM %s, max heap %,d MB, %d processors, GC %s, load average at start %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), gcNames(), loadAverage());

        // ---- load ------------------------------------------------------------------------------------------------
        Generator gen = new Generator(new SplittableRandom(seed));
        MatchProfile[] store = new MatchProfile[people];
        long t0 = System.nanoTime();
        for (int i = 0; i < people; i++) {
            store[i] = gen.person("P" + i);
        }
        long t1 = System.nanoTime();
        BlockingIndex index = new BlockingIndex(people);
        long keyCount = 0;
        for (MatchProfile p : store) {
            Set<String> keys = BlockingKeys.of(p);
            keyCount += keys.size();
            index.add(p, keys);
        }
        index.trim();
        long t2 = System.nanoTime();
        double generateSeconds = (t1 - t0) / 1e9;
        double indexSeconds = (t2 - t1) / 1e9;
        System.out.printf("loaded in %.1f s (generate %.1f s, blocking keys + index %.1f s)%n", generateSeconds
                + indexSeconds, generateSeconds, indexSeconds);

        // ---- probes ----------------------------------------------------------------------------------------------
        ProbeMaker maker = new ProbeMaker(gen, store, new SplittableRandom(seed * 31 + 7));
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < duplicates; i++) {
            probes.add(maker.duplicate("Q" + i, maker.random.nextDouble() < 0.6 ? 1 : 2));
        }
        for (int i = 0; i < duplicates; i++) {
            probes.add(maker.nonDuplicate("N" + i));
        }
        shuffle(probes, new SplittableRandom(seed ^ 0x5DEECE66DL));
        ProbeMaker warmMaker = new ProbeMaker(gen, store, new SplittableRandom(seed * 17 + 3));
        List<Probe> warmUp = new ArrayList<>();
        for (int i = 0; i < Math.min(2_000, duplicates); i++) {
            warmUp.add(i % 2 == 0 ? warmMaker.duplicate("W" + i, 1 + i % 3 / 2) : warmMaker.nonDuplicate("W" + i));
        }
        gen.forgetIssuedIdentifiers();

        System.gc();
        Thread.sleep(200);
        System.gc();
        long heapUsed = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        // ---- warm-up (not measured), then the measured run -------------------------------------------------------
        long warmStart = System.nanoTime();
        for (Probe probe : warmUp) {
            matcher.rank(probe.profile, index.candidates(BlockingKeys.of(probe.profile)).people, SHOWN);
        }
        System.out.printf("warm-up: %,d probes in %.1f s (not measured)%n", warmUp.size(),
                (System.nanoTime() - warmStart) / 1e9);

        String loadBefore = loadAverage();
        Result[] results = new Result[probes.size()];
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            long start = System.nanoTime();
            Set<String> keys = BlockingKeys.of(probe.profile);
            Candidates candidates = index.candidates(keys);
            long blocked = System.nanoTime();
            List<Match> ranked = matcher.rank(probe.profile, candidates.people, SHOWN);
            long end = System.nanoTime();
            results[i] = new Result(probe, end - start, blocked - start, end - blocked, candidates, keys, ranked);
        }
        String loadAround = loadBefore + " / " + loadAverage();

        // ---- analysis (outside the timed region) ------------------------------------------------------------------
        for (Result r : results) {
            r.analyse(matcher);
        }
        Report report = new Report(people, duplicates, seed, results, generateSeconds, indexSeconds, heapUsed,
                keyCount, index, store, loadAround);
        report.print();
    }

    // =================================================================================================================
    // The in-memory stand-in for the indexed blockingKeys field
    // =================================================================================================================

    /** Blocking key to the people filed under it, in insertion order: a multikey index on {@code blockingKeys}. */
    static final class BlockingIndex {
        final HashMap<String, ArrayList<MatchProfile>> byKey;

        BlockingIndex(int people) {
            byKey = new HashMap<>(Math.max(16, people * 4));
        }

        void add(MatchProfile person, Set<String> keys) {
            for (String key : keys) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(person);
            }
        }

        void trim() {
            byKey.values().forEach(ArrayList::trimToSize);
        }

        /**
         * {@code blockingKeys $in keys, limit 500}: keys walked in ascending order (as an index scan over the $in
         * point intervals), people within a key in insertion order, each person once.
         */
        Candidates candidates(Set<String> keys) {
            SortedSet<String> ordered = keys instanceof SortedSet<String> s && s.comparator() == null ? s
                    : new TreeSet<>(keys);
            Set<MatchProfile> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<MatchProfile> found = new ArrayList<>();
            for (String key : ordered) {
                List<MatchProfile> filed = byKey.get(key);
                if (filed == null) {
                    continue;
                }
                for (MatchProfile p : filed) {
                    if (seen.add(p)) {
                        found.add(p);
                        if (found.size() == MAX_CANDIDATES) {
                            return new Candidates(found, true);
                        }
                    }
                }
            }
            return new Candidates(found, false);
        }
    }

    record Candidates(List<MatchProfile> people, boolean capped) {
    }

    // =================================================================================================================
    // Synthetic people
    // =================================================================================================================

    static final String[] SURNAMES = {"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Wilson", "Thompson",
            "Robinson", "Evans", "Johnson", "Walker", "Wright", "Thomas", "Roberts", "White", "Hall", "Green", "Jackson",
            "Wood", "Harrison", "Hughes", "Clarke", "Lewis", "Edwards", "Turner", "Harris", "Martin", "Atkinson",
            "Bell", "Hill", "Cooper", "Ward", "Patel", "Moore", "Morris", "Lee", "King", "Scott", "Clark", "Baker",
            "Allen", "Young", "Watson", "Kelly", "Graham", "Dixon", "Anderson", "Marshall", "Richardson", "Shaw",
            "Hussain", "Khan", "Ahmed", "Ali", "Robson", "Simpson", "Wilkinson", "Morgan", "James", "Phillips",
            "Parker", "Bennett", "Mitchell", "Cook", "Carter", "Bailey", "Collins", "Murphy", "Miller", "Cox",
            "Richards", "Ellis", "Adams", "Singh", "Begum", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray",
            "Mason", "Hunt", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd",
            "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Harvey", "Pearson", "Fletcher",
            "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart", "Elliott", "Reynolds", "Saunders", "Payne",
            "Fox", "Ford", "Pearce", "Day", "Brooks", "West", "Lawrence", "Cole", "Bradley", "Spencer", "Gill",
            "Dawson", "Ball", "Burton", "O'Brien", "Watts", "Rose", "Booth", "Perry", "Ryan", "Grant", "Wells",
            "Armstrong", "Francis", "Rees", "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Webster", "Hunter",
            "Gregory", "Carr", "Lowe", "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons", "Berry", "Stone", "Reid",
            "Holland", "Hawkins", "Harding", "Porter", "Robertson", "Newton", "Oliver", "Reed", "Kennedy",
            "Williamson", "Bird", "Gardner", "Shah", "Dean", "Lane", "Cooke", "Bates", "Henderson", "Parry", "Burgess",
            "Bishop", "Walton", "Burns", "Nicholson", "Shepherd", "Ross", "Cross", "Long", "Freeman", "Warren",
            "Nicholls", "Hamilton", "Byrne", "Sutton", "McDonald", "Yates", "Hodgson", "Curtis", "Hopkins",
            "O'Connor", "Harper", "Coleman", "Watkins", "Moss", "McCarthy", "Chambers", "O'Neill", "Griffin", "Sharp",
            "Hardy", "Wheeler", "Potter", "Osborne", "Johnston", "Gordon", "Doyle", "Wallace", "George", "Jordan",
            "Hutchinson", "Rowe", "Burke", "May", "Pritchard", "Gilbert", "Willis", "Higgins", "Read", "Miles",
            "Stevenson", "Stephenson", "Hammond", "Arnold", "Buckley", "Walters", "Hewitt", "Barber", "Nelson",
            "Slater", "Austin", "Sullivan", "Whitehead", "Mann", "Frost", "Lambert", "Stephens", "Blake", "Akhtar",
            "Lynch", "Goodwin", "Barton", "Woodward", "Thomson", "Cunningham", "Quinn", "Barnett", "Baxter", "Bibi",
            "Clayton", "Nash", "Greenwood", "Jennings", "Holt", "Kemp", "Poole", "Gallagher", "Bond", "Stokes",
            "Tucker", "Davidson", "Fowler", "Heath", "Norman", "Middleton", "Lawson", "Banks", "French", "Stanley",
            "Jarvis", "Gibbs", "Ferguson", "Hayward", "Carroll", "Farmer", "Dennis", "Charlton", "Hogg", "Pattison",
            "Brunton", "Lister", "Metcalfe", "Teasdale", "Dobson", "Bainbridge", "Raine", "Sanderson", "Dodds",
            "Corner", "Lamb", "Weatherill", "Nowak", "Kowalski", "Griffiths", "Price", "Morley", "Peacock", "Swales"};
    static final String[] TAIL_PREFIXES = {"Ash", "Bar", "Black", "Brad", "Bram", "Brook", "Brough", "Bur", "Cald",
            "Carl", "Chad", "Clay", "Cold", "Crow", "Dal", "Dun", "East", "Elm", "Fair", "Farn", "Fen", "Gar", "Glad",
            "Gold", "Green", "Hal", "Hart", "Hasel", "Haw", "Hay", "Hol", "Horn", "Hud", "Kirk", "Lang", "Lind", "Lock",
            "Mar", "Mid", "Mil", "Moor", "Nether", "New", "North", "Oak", "Ock", "Pen", "Rad", "Red", "Ridge", "Rock",
            "Rom", "Ros", "Rud", "Sand", "Sel", "Shel", "Sher", "South", "Stan", "Stain", "Stock", "Sut", "Thorn",
            "Thur", "Wal", "War", "West", "Whit", "Wil", "Win", "Wood", "Wy", "Ald", "Bick"};
    static final String[] TAIL_SUFFIXES = {"field", "ley", "ton", "wood", "ham", "by", "thwaite", "worth", "shaw",
            "croft", "well", "stone", "dale", "man", "er", "ford", "hurst", "more", "low", "brook", "bridge", "wick",
            "gate", "land", "ridge", "side", "combe", "house", "hill", "cliffe", "ing", "all", "sby", "stead", "kin",
            "den"};

    /** Given names by birth era (before 1960, 1960-1989, 1990 on), most common first. */
    static final String[][] MALE = {
            {"John", "David", "Michael", "Peter", "Robert", "William", "James", "Brian", "Alan", "Anthony", "Richard",
                    "Kenneth", "Ronald", "George", "Thomas", "Stephen", "Christopher", "Keith", "Raymond", "Colin",
                    "Derek", "Barry", "Roy", "Trevor", "Terence", "Dennis", "Frederick", "Leonard", "Norman", "Harold",
                    "Arthur", "Charles", "Edward", "Patrick", "Joseph", "Philip", "Graham", "Ian", "Geoffrey",
                    "Malcolm", "Gordon", "Stanley", "Albert", "Ernest", "Frank", "Douglas", "Eric", "Walter",
                    "Francis", "Donald"},
            {"David", "Paul", "Andrew", "Mark", "John", "Michael", "Stephen", "Ian", "Robert", "Richard",
                    "Christopher", "Peter", "Simon", "Anthony", "Kevin", "Gary", "Steven", "Martin", "James", "Philip",
                    "Alan", "Neil", "Nigel", "Darren", "Lee", "Craig", "Jason", "Matthew", "Daniel", "Wayne", "Dean",
                    "Stuart", "Jonathan", "Carl", "Shaun", "Scott", "Thomas", "Adam", "Mohammed", "Gareth", "Karl",
                    "Graham", "Timothy", "Nicholas", "Jamie", "Ryan", "Kenneth", "Barry", "Keith", "Sean"},
            {"Jack", "Thomas", "Joshua", "James", "Daniel", "Harry", "Oliver", "Samuel", "William", "Joseph",
                    "Charlie", "George", "Lewis", "Ryan", "Matthew", "Liam", "Callum", "Jake", "Connor", "Luke",
                    "Alfie", "Ethan", "Dylan", "Benjamin", "Adam", "Jacob", "Nathan", "Kieran", "Jordan", "Bradley",
                    "Alexander", "Mohammed", "Tyler", "Owen", "Reece", "Kyle", "Aaron", "Max", "Noah", "Leo", "Jayden",
                    "Riley", "Logan", "Mason", "Oscar", "Archie", "Freddie", "Henry", "Jamie", "Michael"}};
    static final String[][] FEMALE = {
            {"Margaret", "Mary", "Patricia", "Susan", "Elizabeth", "Jean", "Barbara", "Christine", "Linda", "Joan",
                    "Sheila", "Maureen", "Carol", "Brenda", "Jennifer", "Pauline", "Valerie", "Sandra", "Janet", "Anne",
                    "Dorothy", "Irene", "Kathleen", "Doreen", "Eileen", "Joyce", "Marjorie", "Pamela", "Gillian",
                    "Hilda", "Betty", "Audrey", "Sylvia", "Shirley", "Jacqueline", "Ann", "Helen", "Catherine", "Rita",
                    "Josephine", "Theresa", "Frances", "Marion", "Wendy", "Judith", "Janice", "Beryl", "Vera",
                    "Gladys", "Edna"},
            {"Susan", "Julie", "Karen", "Tracey", "Sarah", "Claire", "Nicola", "Lisa", "Amanda", "Helen", "Deborah",
                    "Joanne", "Michelle", "Kelly", "Emma", "Louise", "Rachel", "Donna", "Angela", "Alison",
                    "Jacqueline", "Elizabeth", "Catherine", "Samantha", "Gillian", "Jennifer", "Victoria", "Rebecca",
                    "Dawn", "Sharon", "Lesley", "Wendy", "Kerry", "Laura", "Katherine", "Natalie", "Kimberley",
                    "Stephanie", "Hayley", "Gemma", "Caroline", "Denise", "Beverley", "Jane", "Suzanne", "Christine",
                    "Margaret", "Andrea", "Zoe", "Paula"},
            {"Emily", "Chloe", "Jessica", "Olivia", "Sophie", "Lauren", "Amy", "Hannah", "Ellie", "Charlotte",
                    "Megan", "Rebecca", "Lucy", "Holly", "Grace", "Sophia", "Amelia", "Isabella", "Ella", "Lily", "Mia",
                    "Ava", "Jade", "Abigail", "Katie", "Bethany", "Georgia", "Shannon", "Courtney", "Paige", "Leah",
                    "Molly", "Niamh", "Caitlin", "Eleanor", "Evie", "Poppy", "Isla", "Erin", "Rachel", "Natasha",
                    "Danielle", "Samantha", "Victoria", "Jasmine", "Emma", "Alice", "Freya", "Millie", "Sarah"}};

    /**
     * The benchmark's own idea of what people are called for short, independent of the service's nickname list,
     * so that a nickname the service does not know shows up as a miss.
     */
    static final Map<String, String[]> NICKNAMES = new LinkedHashMap<>();

    static {
        String[] pairs = {"Robert:Bob,Rob,Bobby,Robbie", "William:Bill,Will,Billy", "John:Jack,Johnny",
                "James:Jim,Jimmy,Jamie", "Richard:Rick,Dick,Richie", "Thomas:Tom,Tommy", "Michael:Mike,Mick",
                "David:Dave,Davy", "Christopher:Chris", "Anthony:Tony", "Stephen:Steve", "Steven:Steve",
                "Edward:Ted,Eddie,Ed", "Joseph:Joe", "Daniel:Dan,Danny", "Matthew:Matt", "Nicholas:Nick",
                "Andrew:Andy", "Alexander:Alex", "Alan:Al", "Frederick:Fred,Freddie", "Henry:Harry",
                "Charles:Charlie,Chas", "Peter:Pete", "Patrick:Pat,Paddy", "Samuel:Sam", "Benjamin:Ben",
                "Jonathan:Jon", "Timothy:Tim", "Philip:Phil", "Kenneth:Ken,Kenny", "Ronald:Ron,Ronnie",
                "Raymond:Ray", "Leonard:Len", "Terence:Terry", "Joshua:Josh", "Oliver:Ollie", "Kevin:Kev",
                "Gary:Gaz", "Darren:Daz", "Douglas:Doug", "Donald:Don", "Albert:Bert", "Arthur:Art",
                "Stanley:Stan", "Ernest:Ernie", "Walter:Walt", "Francis:Frank", "Geoffrey:Geoff", "Malcolm:Mal",
                "Derek:Del", "Barry:Baz", "Trevor:Trev", "Callum:Cal", "Nathan:Nate", "Jacob:Jake",
                "Mohammed:Mo", "Bradley:Brad", "Dennis:Den", "Harold:Harry", "Alfie:Alf", "Kieran:Kieron",
                "Elizabeth:Liz,Beth,Betty,Lizzie", "Margaret:Maggie,Peggy,Meg", "Catherine:Cath,Kate,Cathy",
                "Katherine:Kate,Kath,Katie", "Kathleen:Kath,Kathy", "Susan:Sue,Susie", "Jennifer:Jenny,Jen",
                "Jessica:Jess", "Rebecca:Becky,Becca", "Victoria:Vicky,Tori", "Patricia:Pat,Trish,Tricia",
                "Christine:Chris,Tina", "Deborah:Debbie,Debs", "Samantha:Sam,Sammy", "Nicola:Nicky,Nikki",
                "Abigail:Abby,Abbie", "Eleanor:Ellie,Nell", "Dorothy:Dot,Dottie", "Pamela:Pam",
                "Jacqueline:Jackie,Jacqui", "Amanda:Mandy", "Kimberley:Kim", "Stephanie:Steph",
                "Charlotte:Lottie,Charlie", "Natalie:Nat", "Natasha:Tasha,Tash", "Sandra:Sandy", "Valerie:Val",
                "Josephine:Jo,Josie", "Joanne:Jo", "Gillian:Gill,Jill", "Theresa:Tess,Terri", "Sarah:Sally",
                "Frances:Fran", "Isabella:Bella,Izzy", "Sophie:Soph", "Olivia:Liv", "Barbara:Babs,Barb",
                "Karen:Kaz", "Tracey:Trace", "Sharon:Shaz", "Michelle:Shelley,Shell", "Marjorie:Marge",
                "Amelia:Millie,Amy", "Emily:Em,Millie", "Danielle:Dani", "Caroline:Caz,Carrie", "Rachel:Rach",
                "Hannah:Han", "Kerry:Kez", "Beverley:Bev", "Lesley:Les", "Janet:Jan", "Janice:Jan",
                "Helen:Nell", "Jean:Jeannie", "Beryl:Berry", "Sylvia:Syl", "Audrey:Aud"};
        for (String pair : pairs) {
            String[] parts = pair.split(":");
            NICKNAMES.put(parts[0], parts[1].split(","));
        }
    }

    static final String[] DISTRICTS = {"TS1", "TS2", "TS3", "TS4", "TS5", "TS6", "TS7", "TS8", "TS9", "TS10", "TS11",
            "TS12", "TS13", "TS14", "TS15", "TS16", "TS17", "TS18", "TS19", "TS20", "TS21", "TS22", "TS23", "TS24",
            "TS25", "TS26", "TS27", "TS28", "TS29", "DL1", "DL2", "DL3", "DL4", "DL5"};
    static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    /** Draws people. Deterministic for a seed. */
    static final class Generator {
        final SplittableRandom random;
        final String[] surnames;
        final double[] surnameCumulative;
        final double[][] maleCumulative = new double[3][];
        final double[][] femaleCumulative = new double[3][];
        final String[] postcodes;
        final Map<String, List<String>> postcodesByDistrict = new HashMap<>();
        final double[] yearCumulative;
        final Map<Integer, String> dates = new HashMap<>();
        Set<Long> issuedNhs = new HashSet<>();
        Set<String> issuedNino = new HashSet<>();

        Generator(SplittableRandom random) {
            this.random = random;
            // head: ~300 common surnames, Zipf s=0.6, 35% of people; tail: compound surnames, Zipf s=0.3, 65%
            Set<String> head = new LinkedHashSet<>(Arrays.asList(SURNAMES));
            List<String> tail = new ArrayList<>();
            for (String prefix : TAIL_PREFIXES) {
                for (String suffix : TAIL_SUFFIXES) {
                    String name = prefix + suffix;
                    if (!head.contains(name)) {
                        tail.add(name);
                    }
                }
            }
            Collections.shuffle(tail, new java.util.Random(random.nextLong()));
            surnames = new String[head.size() + tail.size()];
            double[] weights = new double[surnames.length];
            double headSum = 0;
            double tailSum = 0;
            int i = 0;
            for (String s : head) {
                surnames[i] = s;
                weights[i] = Math.pow(i + 1, -0.6);
                headSum += weights[i++];
            }
            for (int t = 0; t < tail.size(); t++) {
                surnames[i] = tail.get(t);
                weights[i] = Math.pow(t + 1, -0.3);
                tailSum += weights[i++];
            }
            for (int k = 0; k < surnames.length; k++) {
                weights[k] = k < head.size() ? 0.35 * weights[k] / headSum : 0.65 * weights[k] / tailSum;
            }
            surnameCumulative = cumulative(weights);
            for (int era = 0; era < 3; era++) {
                maleCumulative[era] = zipf(MALE[era].length, 0.6);
                femaleCumulative[era] = zipf(FEMALE[era].length, 0.6);
            }
            // postcodes: each district has 3-9 sectors of 120-320 units
            List<String> all = new ArrayList<>();
            for (String district : DISTRICTS) {
                List<String> mine = new ArrayList<>();
                int sectors = 3 + random.nextInt(7);
                List<Integer> sectorDigits = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
                Collections.shuffle(sectorDigits, new java.util.Random(random.nextLong()));
                for (int s = 0; s < sectors; s++) {
                    int units = 120 + random.nextInt(201);
                    Set<String> unitCodes = new TreeSet<>();
                    while (unitCodes.size() < units) {
                        unitCodes.add("" + UNIT_LETTERS.charAt(random.nextInt(20))
                                + UNIT_LETTERS.charAt(random.nextInt(20)));
                    }
                    for (String unit : unitCodes) {
                        mine.add(district + " " + sectorDigits.get(s) + unit);
                    }
                }
                postcodesByDistrict.put(district, mine);
                all.addAll(mine);
            }
            postcodes = all.toArray(String[]::new);
            // fewer people born before 1945, fewer registered children born after 2005
            double[] years = new double[2015 - 1930 + 1];
            for (int y = 1930; y <= 2015; y++) {
                years[y - 1930] = y < 1945 ? 0.45 : y > 2005 ? 0.75 : 1.0;
            }
            yearCumulative = cumulative(years);
        }

        MatchProfile person(String id) {
            int year = 1930 + pick(yearCumulative);
            String dob = dateOfBirth(year);
            boolean female = random.nextBoolean();
            String given = givenName(year, female);
            String family = surname();
            List<PersonName> names = new ArrayList<>(2);
            names.add(new PersonName(given, family));
            if (female && year <= 1995 && random.nextDouble() < 0.08) {
                String maiden = surname();
                if (!maiden.equals(family)) {
                    names.add(new PersonName(given, maiden));
                }
            }
            Set<String> pcs = new LinkedHashSet<>();
            double p = random.nextDouble();
            if (p >= 0.03) {
                String current = postcode();
                pcs.add(current);
                if (p >= 0.85) {
                    pcs.add(random.nextDouble() < 0.6 ? postcodeIn(district(current)) : postcode());
                }
            }
            Map<String, String> ids = new HashMap<>();
            if (random.nextDouble() < 0.30) {
                ids.put("NHS", nhsNumber());
            }
            if (year <= 1999 && random.nextDouble() < 0.20) {
                ids.put("NINO", nino());
            }
            return new MatchProfile(id, names, dob, pcs, ids);
        }

        String dateOfBirth(int year) {
            double p = random.nextDouble();
            int month = 1 + random.nextInt(12);
            if (p < 0.05) {
                return date(year, 0, 0);
            }
            if (p < 0.10) {
                return date(year, month, 0);
            }
            return date(year, month, 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth()));
        }

        String fullDateOfBirth(int year) {
            int month = 1 + random.nextInt(12);
            return date(year, month, 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth()));
        }

        /** Date strings are shared, as a driver would not share them but as the heap figure should not count them. */
        String date(int year, int month, int day) {
            return dates.computeIfAbsent(year * 10000 + month * 100 + day, k -> month == 0
                    ? String.format("%04d", year)
                    : day == 0 ? String.format("%04d-%02d", year, month)
                            : String.format("%04d-%02d-%02d", year, month, day));
        }

        String givenName(int year, boolean female) {
            int era = year < 1960 ? 0 : year < 1990 ? 1 : 2;
            return female ? FEMALE[era][pick(femaleCumulative[era])] : MALE[era][pick(maleCumulative[era])];
        }

        String surname() {
            return surnames[pick(surnameCumulative)];
        }

        String postcode() {
            return postcodes[random.nextInt(postcodes.length)];
        }

        String postcodeIn(String district) {
            List<String> there = postcodesByDistrict.get(district);
            return there.get(random.nextInt(there.size()));
        }

        /** A valid, not yet issued NHS number: 9 digits, then the modulus 11 check digit. */
        String nhsNumber() {
            while (true) {
                long body = (new int[] {4, 6, 7}[random.nextInt(3)]) * 100_000_000L + random.nextInt(100_000_000);
                String digits = String.format("%09d", body);
                int sum = 0;
                for (int i = 0; i < 9; i++) {
                    sum += (digits.charAt(i) - '0') * (10 - i);
                }
                int check = 11 - sum % 11;
                if (check == 11) {
                    check = 0;
                }
                if (check == 10) {
                    continue; // never issued
                }
                long number = body * 10 + check;
                if (issuedNhs.add(number)) {
                    return digits + check;
                }
            }
        }

        /** A valid, not yet issued National Insurance number (HMRC prefix rules, suffix A-D). */
        String nino() {
            String first = "ABCEGHJKLMNOPRSTWXYZ";
            String second = "ABCEGHJKLMNPRSTWXYZ";
            Set<String> never = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
            while (true) {
                String prefix = "" + first.charAt(random.nextInt(first.length()))
                        + second.charAt(random.nextInt(second.length()));
                if (never.contains(prefix)) {
                    continue;
                }
                String value = prefix + String.format("%06d", random.nextInt(1_000_000)) + "ABCD".charAt(random.nextInt(4));
                if (issuedNino.add(value)) {
                    return value;
                }
            }
        }

        void forgetIssuedIdentifiers() {
            issuedNhs = new HashSet<>();
            issuedNino = new HashSet<>();
        }

        int pick(double[] cumulative) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
        }

        static double[] zipf(int n, double s) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = Math.pow(i + 1, -s);
            }
            return cumulative(w);
        }

        static double[] cumulative(double[] weights) {
            double[] c = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                c[i] = sum;
            }
            return c;
        }
    }

    static String district(String postcode) {
        return postcode.substring(0, postcode.indexOf(' '));
    }

    // =================================================================================================================
    // Probes with a known answer
    // =================================================================================================================

    enum Variation {
        TYPO_TRANSPOSE("surname typo: two letters transposed", 0.25),
        TYPO_INSERT("surname typo: letter inserted", 0.25),
        TYPO_SUBSTITUTE("surname typo: letter substituted", 0.25),
        TYPO_DELETE("surname typo: letter dropped", 0.25),
        NICKNAME("nickname for given name", 1),
        SWAPPED_NAMES("given and family name swapped", 1),
        PARTIAL_DOB("date of birth only year or year-month", 1),
        DAY_MONTH_SWAP("day and month of birth swapped", 1),
        MOVED("moved: other postcode", 1),
        MISSING_ID("identifiers missing", 1),
        NHS_OTHER_NAME("same NHS number, other name", 1);

        final String label;
        final double weight;

        Variation(String label, double weight) {
            this.label = label;
            this.weight = weight;
        }

        boolean isTypo() {
            return name().startsWith("TYPO_");
        }

        boolean compatibleWith(Variation other) {
            if (this == other || (isTypo() && other.isTypo())) {
                return false;
            }
            Set<Variation> pair = Set.of(this, other);
            if (pair.containsAll(Set.of(PARTIAL_DOB, DAY_MONTH_SWAP))
                    || pair.containsAll(Set.of(MISSING_ID, NHS_OTHER_NAME))) {
                return false;
            }
            if (pair.contains(NHS_OTHER_NAME)) {
                Variation rest = this == NHS_OTHER_NAME ? other : this;
                return rest == PARTIAL_DOB || rest == DAY_MONTH_SWAP || rest == MOVED;
            }
            return true;
        }
    }

    enum Negative {
        RANDOM("new random person", 0.50),
        SIBLING("sibling: same surname + postcode, other given name + dob", 0.40),
        TWIN("twin: same surname + postcode + dob, other given name", 0.05),
        NAMESAKE("parent/child: same name + postcode, dob 22-38 years apart", 0.05);

        final String label;
        final double share;

        Negative(String label, double share) {
            this.label = label;
            this.share = share;
        }
    }

    static final class Probe {
        final MatchProfile profile;
        final MatchProfile truth; // null for a non-duplicate
        final List<Variation> variations; // empty for a non-duplicate
        final Negative negative; // null for a duplicate
        final String detail; // e.g. "Robert -> Bob"

        Probe(MatchProfile profile, MatchProfile truth, List<Variation> variations, Negative negative, String detail) {
            this.profile = profile;
            this.truth = truth;
            this.variations = variations;
            this.negative = negative;
            this.detail = detail;
        }

        boolean isDuplicate() {
            return truth != null;
        }

        String variationLabel() {
            return variations.stream().map(Variation::name).reduce((a, b) -> a + " + " + b).orElse("");
        }
    }

    static final class ProbeMaker {
        final Generator gen;
        final MatchProfile[] store;
        final SplittableRandom random;

        ProbeMaker(Generator gen, MatchProfile[] store, SplittableRandom random) {
            this.gen = gen;
            this.store = store;
            this.random = random;
        }

        Probe duplicate(String id, int howMany) {
            while (true) {
                Variation first = pickVariation(v -> true);
                List<Variation> chosen = new ArrayList<>(List.of(first));
                if (howMany == 2) {
                    chosen.add(pickVariation(first::compatibleWith));
                    chosen.sort(Comparator.naturalOrder());
                }
                for (int attempt = 0; attempt < 10_000; attempt++) {
                    MatchProfile existing = store[random.nextInt(store.length)];
                    if (chosen.stream().allMatch(v -> applicable(v, existing))) {
                        return vary(id, existing, chosen);
                    }
                }
            }
        }

        Variation pickVariation(Predicate<Variation> allowed) {
            List<Variation> options = Arrays.stream(Variation.values()).filter(allowed).toList();
            double total = options.stream().mapToDouble(v -> v.weight).sum();
            double x = random.nextDouble() * total;
            for (Variation v : options) {
                x -= v.weight;
                if (x < 0) {
                    return v;
                }
            }
            return options.get(options.size() - 1);
        }

        boolean applicable(Variation v, MatchProfile p) {
            PersonName name = p.names().get(0);
            String dob = p.dateOfBirth();
            return switch (v) {
                case TYPO_TRANSPOSE, TYPO_INSERT, TYPO_SUBSTITUTE, TYPO_DELETE -> letters(name.family()) >= 4;
                case NICKNAME -> NICKNAMES.containsKey(name.given());
                case SWAPPED_NAMES -> true;
                case MOVED -> !p.postcodes().isEmpty();
                case PARTIAL_DOB -> dob != null && dob.length() >= 7;
                case DAY_MONTH_SWAP -> dob != null && dob.length() == 10 && day(dob) <= 12 && day(dob) != month(dob);
                case MISSING_ID -> !p.identifiers().isEmpty();
                case NHS_OTHER_NAME -> p.identifiers().containsKey("NHS");
            };
        }

        /** Re-registered with the current name, date of birth, current postcode and identifiers, then varied. */
        Probe vary(String id, MatchProfile existing, List<Variation> variations) {
            PersonName name = existing.names().get(0);
            String given = name.given();
            String family = name.family();
            String dob = existing.dateOfBirth();
            Set<String> pcs = existing.postcodes().isEmpty() ? Set.of()
                    : Set.of(existing.postcodes().stream().sorted().findFirst().orElseThrow());
            // the first postcode generated is the current one; MatchProfile does not keep order, so any one will do
            Map<String, String> ids = new HashMap<>(existing.identifiers());
            List<String> details = new ArrayList<>();
            for (Variation v : variations) {
                switch (v) {
                    case TYPO_TRANSPOSE, TYPO_INSERT, TYPO_SUBSTITUTE, TYPO_DELETE -> {
                        String typo = typo(family, v);
                        details.add(family + " -> " + typo);
                        family = typo;
                    }
                    case NICKNAME -> {
                        String[] options = NICKNAMES.get(given);
                        String nick = options[random.nextInt(options.length)];
                        details.add(given + " -> " + nick);
                        given = nick;
                    }
                    case NHS_OTHER_NAME -> {
                        String other;
                        do {
                            other = gen.surname();
                        } while (other.equals(family));
                        details.add(family + " -> " + other);
                        family = other;
                        if (random.nextDouble() < 0.3) {
                            given = gen.givenName(year(dob == null ? "1980" : dob), random.nextBoolean());
                        }
                        ids.keySet().retainAll(Set.of("NHS"));
                    }
                    default -> {
                    }
                }
            }
            if (variations.contains(Variation.SWAPPED_NAMES)) {
                String g = given;
                given = family;
                family = g;
            }
            if (variations.contains(Variation.PARTIAL_DOB)) {
                dob = dob.length() == 10 && random.nextBoolean() ? dob.substring(0, 7) : dob.substring(0, 4);
            }
            if (variations.contains(Variation.DAY_MONTH_SWAP)) {
                dob = dob.substring(0, 5) + dob.substring(8, 10) + "-" + dob.substring(5, 7);
            }
            if (variations.contains(Variation.MOVED)) {
                String current = pcs.iterator().next();
                String moved;
                do { // half move within the district, half anywhere in the Tees Valley
                    moved = random.nextBoolean() ? gen.postcodeIn(district(current)) : gen.postcode();
                } while (existing.postcodes().contains(moved));
                pcs = Set.of(moved);
            }
            if (variations.contains(Variation.MISSING_ID)) {
                ids.clear();
            }
            MatchProfile profile = new MatchProfile(id, List.of(new PersonName(given, family)), dob, pcs, ids);
            return new Probe(profile, existing, List.copyOf(variations), null, String.join("; ", details));
        }

        String typo(String surname, Variation kind) {
            char[] c = surname.toCharArray();
            while (true) {
                String result;
                switch (kind) {
                    case TYPO_TRANSPOSE -> {
                        int i = random.nextInt(c.length - 1);
                        if (!Character.isLetter(c[i]) || !Character.isLetter(c[i + 1])
                                || Character.toLowerCase(c[i]) == Character.toLowerCase(c[i + 1])) {
                            continue;
                        }
                        char[] d = c.clone();
                        d[i] = c[i + 1];
                        d[i + 1] = c[i];
                        result = new String(d);
                    }
                    case TYPO_INSERT -> {
                        int i = 1 + random.nextInt(c.length - 1); // insert before position i, never before the first
                        char neighbour = Character.toLowerCase(c[i - 1]);
                        char inserted = random.nextBoolean() && Character.isLetter(neighbour) ? neighbour
                                : keyboardNeighbour(Character.isLetter(c[i]) ? c[i] : 'e');
                        result = surname.substring(0, i) + inserted + surname.substring(i);
                    }
                    case TYPO_SUBSTITUTE -> {
                        int i = 1 + random.nextInt(c.length - 1);
                        if (!Character.isLetter(c[i])) {
                            continue;
                        }
                        char[] d = c.clone();
                        d[i] = keyboardNeighbour(c[i]);
                        result = new String(d);
                    }
                    case TYPO_DELETE -> {
                        int i = 1 + random.nextInt(c.length - 1);
                        if (!Character.isLetter(c[i])) {
                            continue;
                        }
                        result = surname.substring(0, i) + surname.substring(i + 1);
                    }
                    default -> throw new IllegalArgumentException(kind.name());
                }
                result = titleCase(result);
                if (!result.equalsIgnoreCase(surname)) {
                    return result;
                }
            }
        }

        static final String[] QWERTY = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

        /** A key next to this one on a QWERTY keyboard (same row either side, the row above and below). */
        char keyboardNeighbour(char ch) {
            char lower = Character.toLowerCase(ch);
            List<Character> near = new ArrayList<>();
            for (int row = 0; row < 3; row++) {
                int col = QWERTY[row].indexOf(lower);
                if (col < 0) {
                    continue;
                }
                int[][] around = {{row, col - 1}, {row, col + 1}, {row - 1, col}, {row - 1, col + 1}, {row + 1, col - 1},
                        {row + 1, col}};
                for (int[] rc : around) {
                    if (rc[0] >= 0 && rc[0] < 3 && rc[1] >= 0 && rc[1] < QWERTY[rc[0]].length()) {
                        near.add(QWERTY[rc[0]].charAt(rc[1]));
                    }
                }
            }
            return near.isEmpty() ? 'e' : near.get(random.nextInt(near.size()));
        }

        Probe nonDuplicate(String id) {
            double x = random.nextDouble();
            Negative kind = Negative.RANDOM;
            double acc = 0;
            for (Negative n : Negative.values()) {
                acc += n.share;
                if (x < acc) {
                    kind = n;
                    break;
                }
            }
            if (kind == Negative.RANDOM) {
                return new Probe(gen.person(id), null, List.of(), kind, "");
            }
            while (true) {
                MatchProfile relative = store[random.nextInt(store.length)];
                PersonName name = relative.names().get(0);
                String dob = relative.dateOfBirth();
                if (relative.postcodes().isEmpty() || (kind == Negative.TWIN && dob.length() != 10)) {
                    continue;
                }
                int year = year(dob);
                String given = name.given();
                String newDob;
                switch (kind) {
                    case SIBLING -> {
                        int gap = 1 + random.nextInt(10);
                        int y = year + (random.nextBoolean() ? gap : -gap);
                        if (y < 1930 || y > 2015) {
                            continue;
                        }
                        newDob = gen.dateOfBirth(y);
                        given = otherGivenName(given, y);
                    }
                    case TWIN -> {
                        newDob = dob;
                        given = otherGivenName(given, year);
                    }
                    case NAMESAKE -> {
                        int gap = 22 + random.nextInt(17);
                        int y = year + gap <= 2015 && (year - gap < 1930 || random.nextBoolean()) ? year + gap
                                : year - gap;
                        if (y < 1930 || y > 2015) {
                            continue;
                        }
                        newDob = gen.fullDateOfBirth(y);
                    }
                    default -> throw new IllegalStateException();
                }
                Set<String> pcs = Set.of(relative.postcodes().stream().sorted().findFirst().orElseThrow());
                Map<String, String> ids = new HashMap<>();
                if (random.nextDouble() < 0.30) {
                    ids.put("NHS", gen.nhsNumber());
                }
                MatchProfile profile = new MatchProfile(id, List.of(new PersonName(given, name.family())), newDob,
                        pcs, ids);
                return new Probe(profile, null, List.of(), kind, "relative of " + relative.id());
            }
        }

        /** A different first name, and not a short form of the same one. */
        String otherGivenName(String given, int year) {
            while (true) {
                String other = gen.givenName(year, random.nextBoolean());
                if (!formal(other).equals(formal(given))) {
                    return other;
                }
            }
        }
    }

    static String formal(String given) {
        for (Map.Entry<String, String[]> e : NICKNAMES.entrySet()) {
            if (e.getKey().equals(given) || Arrays.asList(e.getValue()).contains(given)) {
                return e.getKey();
            }
        }
        return given;
    }

    static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }

    static int year(String dob) {
        return Integer.parseInt(dob.substring(0, 4));
    }

    static int month(String dob) {
        return Integer.parseInt(dob.substring(5, 7));
    }

    static int day(String dob) {
        return Integer.parseInt(dob.substring(8, 10));
    }

    static String titleCase(String s) {
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char ch : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
            start = ch == '\'' || ch == '-' || ch == ' ';
        }
        // keep Mc/Mac capitals as typed in the source list
        String out = b.toString();
        return out.startsWith("Mc") && out.length() > 2 ? "Mc" + Character.toUpperCase(out.charAt(2)) + out.substring(3)
                : out;
    }

    static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    // =================================================================================================================
    // Results
    // =================================================================================================================

    enum Outcome {
        HIT("top match is the true person"),
        WRONG_TOP("another person ranked above the true one"),
        NO_SHARED_KEY("true person shares no blocking key"),
        CUT_BY_CAP("true person shares a key but was cut by the 500 cap"),
        SCORED_LOW("true person a candidate but scored below the threshold");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    static final class Result {
        final Probe probe;
        final long nanos;
        final long blockingNanos;
        final long scoringNanos;
        final int candidateCount;
        final boolean capped;
        final List<Match> ranked;
        final Set<String> probeKeys;
        final List<MatchProfile> candidates;
        boolean trueInCandidates;
        boolean trueSharesKey;
        int trueScore = -1; // score if listed, 0 when scored below POSSIBLE (not listed), -1 non-duplicate
        String trueReasons = "";
        boolean sharedIdentifier;

        Result(Probe probe, long nanos, long blockingNanos, long scoringNanos, Candidates candidates,
                Set<String> keys, List<Match> ranked) {
            this.probe = probe;
            this.nanos = nanos;
            this.blockingNanos = blockingNanos;
            this.scoringNanos = scoringNanos;
            this.candidateCount = candidates.people().size();
            this.capped = candidates.capped();
            this.candidates = candidates.people();
            this.probeKeys = keys;
            this.ranked = ranked;
        }

        void analyse(PersonMatcher matcher) {
            if (!probe.isDuplicate()) {
                return;
            }
            MatchProfile truth = probe.truth;
            trueInCandidates = candidates.stream().anyMatch(p -> p == truth);
            Set<String> trueKeys = BlockingKeys.of(truth);
            trueSharesKey = probeKeys.stream().anyMatch(trueKeys::contains);
            var direct = matcher.compare(probe.profile, truth);
            trueScore = direct.map(Match::score).orElse(0);
            trueReasons = direct.map(m -> String.join("; ", m.reasons())).orElse("(below " + POSSIBLE + ")");
            for (String scheme : List.of("NHS", "NINO", "PNC")) {
                String a = probe.profile.identifiers().get(scheme);
                if (a != null && a.equals(truth.identifiers().get(scheme))) {
                    sharedIdentifier = true;
                }
            }
        }

        Match top() {
            return ranked.isEmpty() ? null : ranked.get(0);
        }

        /** Whether the service returned something at or above the threshold. */
        boolean flagged(int threshold) {
            return top() != null && top().score() >= threshold;
        }

        boolean hit(int threshold) {
            return probe.isDuplicate() && flagged(threshold) && top().personId().equals(probe.truth.id());
        }

        boolean listed(int threshold) {
            return probe.isDuplicate() && ranked.stream()
                    .anyMatch(m -> m.score() >= threshold && m.personId().equals(probe.truth.id()));
        }

        Outcome outcome(int threshold) {
            if (hit(threshold)) {
                return Outcome.HIT;
            }
            if (!trueSharesKey) {
                return Outcome.NO_SHARED_KEY;
            }
            if (!trueInCandidates) {
                return Outcome.CUT_BY_CAP;
            }
            if (trueScore >= threshold) {
                return Outcome.WRONG_TOP;
            }
            return Outcome.SCORED_LOW;
        }
    }

    static final class Report {
        final int people;
        final int duplicates;
        final long seed;
        final Result[] results;
        final double generateSeconds;
        final double indexSeconds;
        final long heapUsed;
        final long keyCount;
        final BlockingIndex index;
        final MatchProfile[] store;
        final String loadAround;

        Report(int people, int duplicates, long seed, Result[] results, double generateSeconds, double indexSeconds,
                long heapUsed, long keyCount, BlockingIndex index, MatchProfile[] store, String loadAround) {
            this.people = people;
            this.duplicates = duplicates;
            this.seed = seed;
            this.results = results;
            this.generateSeconds = generateSeconds;
            this.indexSeconds = indexSeconds;
            this.heapUsed = heapUsed;
            this.keyCount = keyCount;
            this.index = index;
            this.store = store;
            this.loadAround = loadAround;
        }

        void print() {
            dataset();
            performance();
            quality();
            byVariation();
            pairs();
            negatives();
            misses();
            capAndFalsePositives();
        }

        void dataset() {
            Map<String, Integer> bySurname = new HashMap<>();
            int partial = 0;
            int nhs = 0;
            int nino = 0;
            int alias = 0;
            int noPostcode = 0;
            int nicknamable = 0;
            for (MatchProfile p : store) {
                bySurname.merge(p.names().get(0).family(), 1, Integer::sum);
                partial += p.dateOfBirth().length() < 10 ? 1 : 0;
                nhs += p.identifiers().containsKey("NHS") ? 1 : 0;
                nino += p.identifiers().containsKey("NINO") ? 1 : 0;
                alias += p.names().size() > 1 ? 1 : 0;
                noPostcode += p.postcodes().isEmpty() ? 1 : 0;
                nicknamable += NICKNAMES.containsKey(p.names().get(0).given()) ? 1 : 0;
            }
            List<Map.Entry<String, Integer>> top = bySurname.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5).toList();
            List<Map.Entry<String, ArrayList<MatchProfile>>> biggest = index.byKey.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, ArrayList<MatchProfile>> e) -> e.getValue()
                            .size()).reversed()).limit(8).toList();
            long over500 = index.byKey.values().stream().filter(l -> l.size() > MAX_CANDIDATES).count();
            System.out.println();
            System.out.println("## Data set");
            System.out.printf("%,d people; %,d distinct surnames; top: %s%n", people, bySurname.size(),
                    top.stream().map(e -> String.format("%s %,d (%.2f%%)", e.getKey(), e.getValue(),
                            100.0 * e.getValue() / people)).reduce((a, b) -> a + ", " + b).orElse(""));
            System.out.printf("partial dob %.1f%%, NHS number %.1f%%, NINO %.1f%%, a second (maiden) name %.1f%%, "
                    + "no postcode %.1f%%, given name with a nickname %.1f%%%n", pct(partial, people),
                    pct(nhs, people), pct(nino, people), pct(alias, people), pct(noPostcode, people),
                    pct(nicknamable, people));
            System.out.printf("blocking keys: %.2f per person, %,d distinct; %,d keys hold more than %d people; "
                    + "largest: %s%n", (double) keyCount / people, index.byKey.size(), over500, MAX_CANDIDATES,
                    biggest.stream().map(e -> e.getKey() + " " + String.format("%,d", e.getValue().size()))
                            .reduce((a, b) -> a + ", " + b).orElse(""));
        }

        void performance() {
            long[] total = Arrays.stream(results).mapToLong(r -> r.nanos).sorted().toArray();
            long[] blocking = Arrays.stream(results).mapToLong(r -> r.blockingNanos).sorted().toArray();
            long[] scoring = Arrays.stream(results).mapToLong(r -> r.scoringNanos).sorted().toArray();
            long[] candidates = Arrays.stream(results).mapToLong(r -> r.candidateCount).sorted().toArray();
            long capped = Arrays.stream(results).filter(r -> r.capped).count();
            System.out.println();
            System.out.println("## Load and latency");
            System.out.println("| measure | value |");
            System.out.println("|---|---:|");
            System.out.printf("| people stored | %,d |%n", people);
            System.out.printf("| load: generate people | %.1f s |%n", generateSeconds);
            System.out.printf("| load: blocking keys + index | %.1f s |%n", indexSeconds);
            System.out.printf("| load: total | %.1f s |%n", generateSeconds + indexSeconds);
            System.out.printf("| heap used after load (people + index + probes, after GC) | %,d MB |%n",
                    heapUsed >> 20);
            System.out.printf("| probes measured | %,d (%,d duplicates, %,d non-duplicates) |%n", results.length,
                    duplicates, results.length - duplicates);
            System.out.printf("| match-on-register latency p50 / p95 / p99 / max | %s / %s / %s / %s ms |%n",
                    ms(pct(total, 50)), ms(pct(total, 95)), ms(pct(total, 99)), ms(total[total.length - 1]));
            System.out.printf("| of which blocking (keys + lookup) p50 / p99 | %s / %s ms |%n", ms(pct(blocking, 50)),
                    ms(pct(blocking, 99)));
            System.out.printf("| of which scoring (rank) p50 / p99 | %s / %s ms |%n", ms(pct(scoring, 50)),
                    ms(pct(scoring, 99)));
            System.out.printf("| candidates scored p50 / p99 / max | %,d / %,d / %,d |%n", pct(candidates, 50),
                    pct(candidates, 99), candidates[candidates.length - 1]);
            System.out.printf("| lookups that hit the %d-candidate cap | %,d (%.1f%%) |%n", MAX_CANDIDATES, capped,
                    pct(capped, results.length));
            System.out.printf("| load average at start of measurement / end | %s |%n", loadAround);
            System.out.println();
            System.out.println("### Latency by number of candidates scored");
            System.out.println("| candidates | probes | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            int[][] buckets = {{0, 9}, {10, 49}, {50, 199}, {200, 499}, {500, 500}};
            for (int[] b : buckets) {
                long[] t = Arrays.stream(results).filter(r -> r.candidateCount >= b[0] && r.candidateCount <= b[1])
                        .mapToLong(r -> r.nanos).sorted().toArray();
                if (t.length > 0) {
                    System.out.printf("| %s | %,d | %s | %s | %s |%n", b[0] == b[1] ? b[0] + " (cap)" : b[0] + "–" + b[1],
                            t.length, ms(pct(t, 50)), ms(pct(t, 99)), ms(t[t.length - 1]));
                }
            }
        }

        void quality() {
            System.out.println();
            System.out.println("## Precision and recall (top match)");
            System.out.println("| threshold | TP | FP: non-duplicate flagged | FP: wrong person on top | FN | precision "
                    + "| recall | recall, true person anywhere in the list |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (int threshold : new int[] {LIKELY, POSSIBLE}) {
                int tp = 0;
                int fpNon = 0;
                int fpWrong = 0;
                int listed = 0;
                for (Result r : results) {
                    if (r.probe.isDuplicate()) {
                        if (r.hit(threshold)) {
                            tp++;
                        } else if (r.flagged(threshold)) {
                            fpWrong++;
                        }
                        listed += r.listed(threshold) ? 1 : 0;
                    } else if (r.flagged(threshold)) {
                        fpNon++;
                    }
                }
                int fn = duplicates - tp;
                System.out.printf("| %s (%d) | %,d | %,d | %,d | %,d | %.2f%% | %.2f%% | %.2f%% |%n",
                        threshold == LIKELY ? "LIKELY" : "POSSIBLE", threshold, tp, fpNon, fpWrong, fn,
                        pct(tp, tp + fpNon + fpWrong), pct(tp, duplicates), pct(listed, duplicates));
            }
            System.out.println();
            System.out.println("### Why duplicates were missed");
            System.out.println("| threshold | " + Arrays.stream(Outcome.values()).map(o -> o.label)
                    .reduce((a, b) -> a + " | " + b).orElse("") + " |");
            System.out.println("|---|" + "---:|".repeat(Outcome.values().length));
            for (int threshold : new int[] {LIKELY, POSSIBLE}) {
                EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
                for (Result r : results) {
                    if (r.probe.isDuplicate()) {
                        counts.merge(r.outcome(threshold), 1, Integer::sum);
                    }
                }
                StringBuilder row = new StringBuilder("| " + (threshold == LIKELY ? "LIKELY" : "POSSIBLE") + " |");
                for (Outcome o : Outcome.values()) {
                    row.append(String.format(" %,d |", counts.getOrDefault(o, 0)));
                }
                System.out.println(row);
            }
        }

        static final String VARIATION_HEADER = "| probes | shared NHS/NINO | true person a candidate | cut by cap "
                + "| recall LIKELY | recall POSSIBLE | recall LIKELY without shared id | wrong person on top (≥50) "
                + "| median true score |";

        void byVariation() {
            System.out.println();
            System.out.println("## Duplicates by variation: one variation");
            System.out.println("| variation " + VARIATION_HEADER);
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Variation v : Variation.values()) {
                List<Result> rs = dups(r -> r.probe.variations.equals(List.of(v)));
                System.out.println(variationRow(v.label, rs));
            }
            System.out.println(variationRow("**all one-variation probes**", dups(r -> r.probe.variations.size() == 1)));
            System.out.println();
            System.out.println("## Duplicates by variation: two variations, by each variation they include");
            System.out.println("| variation (with any other) " + VARIATION_HEADER);
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Variation v : Variation.values()) {
                List<Result> rs = dups(r -> r.probe.variations.size() == 2 && r.probe.variations.contains(v));
                System.out.println(variationRow(v.label, rs));
            }
            System.out.println(variationRow("**all two-variation probes**", dups(r -> r.probe.variations.size() == 2)));
        }

        void pairs() {
            Map<String, List<Result>> byPair = new TreeMap<>();
            for (Result r : results) {
                if (r.probe.isDuplicate() && r.probe.variations.size() == 2) {
                    byPair.computeIfAbsent(r.probe.variationLabel(), k -> new ArrayList<>()).add(r);
                }
            }
            System.out.println();
            System.out.println("## Duplicates by pair of variations (lowest LIKELY recall first)");
            System.out.println("| pair " + VARIATION_HEADER);
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            byPair.entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> pct(e.getValue().stream().filter(r -> r.hit(LIKELY))
                            .count(), e.getValue().size())))
                    .forEach(e -> System.out.println(variationRow(e.getKey(), e.getValue())));
        }

        String variationRow(String label, List<Result> rs) {
            int n = rs.size();
            if (n == 0) {
                return "| " + label + " | 0 | | | | | | | | |";
            }
            long shared = rs.stream().filter(r -> r.sharedIdentifier).count();
            long candidate = rs.stream().filter(r -> r.trueInCandidates).count();
            long cut = rs.stream().filter(r -> r.trueSharesKey && !r.trueInCandidates).count();
            long likely = rs.stream().filter(r -> r.hit(LIKELY)).count();
            long possible = rs.stream().filter(r -> r.hit(POSSIBLE)).count();
            List<Result> noId = rs.stream().filter(r -> !r.sharedIdentifier).toList();
            long likelyNoId = noId.stream().filter(r -> r.hit(LIKELY)).count();
            long wrong = rs.stream().filter(r -> r.flagged(POSSIBLE) && !r.hit(POSSIBLE)).count();
            int[] scores = rs.stream().mapToInt(r -> r.trueScore).sorted().toArray();
            int median = scores[scores.length / 2];
            return String.format("| %s | %,d | %,d | %.1f%% | %,d | %.1f%% | %.1f%% | %s | %,d | %s |", label, n, shared,
                    pct(candidate, n), cut, pct(likely, n), pct(possible, n),
                    noId.isEmpty() ? "–" : String.format("%.1f%% (of %,d)", pct(likelyNoId, noId.size()), noId.size()),
                    wrong, median == 0 ? "<50" : Integer.toString(median));
        }

        void negatives() {
            System.out.println();
            System.out.println("## Non-duplicates");
            System.out.println("| kind | probes | flagged LIKELY (FP) | flagged POSSIBLE (FP) | median top score "
                    + "| p95 top score |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Negative kind : Negative.values()) {
                List<Result> rs = Arrays.stream(results).filter(r -> r.probe.negative == kind).toList();
                if (rs.isEmpty()) {
                    continue;
                }
                int[] tops = rs.stream().mapToInt(r -> r.top() == null ? 0 : r.top().score()).sorted().toArray();
                System.out.printf("| %s | %,d | %,d (%.1f%%) | %,d (%.1f%%) | %s | %s |%n", kind.label, rs.size(),
                        rs.stream().filter(r -> r.flagged(LIKELY)).count(),
                        pct(rs.stream().filter(r -> r.flagged(LIKELY)).count(), rs.size()),
                        rs.stream().filter(r -> r.flagged(POSSIBLE)).count(),
                        pct(rs.stream().filter(r -> r.flagged(POSSIBLE)).count(), rs.size()),
                        score(tops[tops.length / 2]), score(tops[(int) (tops.length * 0.95)]));
            }
        }

        void misses() {
            System.out.println();
            System.out.println("## Missed at LIKELY: nickname pairs (one-variation probes)");
            Map<String, int[]> nick = new TreeMap<>();
            for (Result r : dups(r -> r.probe.variations.equals(List.of(Variation.NICKNAME)))) {
                int[] c = nick.computeIfAbsent(r.probe.detail, k -> new int[2]);
                c[0]++;
                c[1] += r.hit(LIKELY) ? 0 : 1;
            }
            String missed = nick.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                    .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[1]))
                    .map(e -> String.format("%s %d/%d", e.getKey(), e.getValue()[1], e.getValue()[0]))
                    .reduce((a, b) -> a + ", " + b).orElse("none");
            System.out.println(missed);
            System.out.println();
            System.out.println("## Examples of misses at LIKELY (one-variation probes, up to 3 per variation)");
            for (Variation v : Variation.values()) {
                List<Result> rs = dups(r -> r.probe.variations.equals(List.of(v)) && !r.hit(LIKELY));
                for (Result r : rs.subList(0, Math.min(3, rs.size()))) {
                    System.out.printf("- %s: %s | existing %s | %s -> true score %s [%s]%s%n", v.name(),
                            describe(r.probe.profile), describe(r.probe.truth), r.outcome(LIKELY).label,
                            r.trueScore == 0 ? "<50" : r.trueScore, r.trueReasons,
                            r.top() != null && !r.top().personId().equals(r.probe.truth.id())
                                    ? " | top: " + r.top().personId() + " " + r.top().score() + " [" + String.join("; ",
                                            r.top().reasons()) + "]"
                                    : "");
                }
            }
        }

        void capAndFalsePositives() {
            System.out.println();
            System.out.println("## Duplicates lost to the 500 cap (up to 5): the probe's keys in index order, with block sizes");
            List<Result> cut = dups(r -> r.trueSharesKey && !r.trueInCandidates);
            for (Result r : cut.subList(0, Math.min(5, cut.size()))) {
                Set<String> trueKeys = BlockingKeys.of(r.probe.truth);
                StringBuilder keys = new StringBuilder();
                for (String key : new TreeSet<>(r.probeKeys)) {
                    List<MatchProfile> filed = index.byKey.get(key);
                    keys.append(String.format("%s%s %,d; ", key, trueKeys.contains(key) ? " (true person here)" : "",
                            filed == null ? 0 : filed.size()));
                }
                System.out.printf("- %s: %s | existing %s | keys: %s%n", r.probe.variationLabel(),
                        describe(r.probe.profile), describe(r.probe.truth), keys);
            }
            System.out.println();
            System.out.println("## Non-duplicates flagged LIKELY");
            for (Result r : results) {
                if (!r.probe.isDuplicate() && r.flagged(LIKELY)) {
                    MatchProfile top = store[Integer.parseInt(r.top().personId().substring(1))];
                    System.out.printf("- %s: %s | matched %s, score %d [%s]%n", r.probe.negative.name(),
                            describe(r.probe.profile), describe(top), r.top().score(),
                            String.join("; ", r.top().reasons()));
                }
            }
        }

        List<Result> dups(Predicate<Result> filter) {
            return Arrays.stream(results).filter(r -> r.probe.isDuplicate()).filter(filter).toList();
        }
    }

    static String describe(MatchProfile p) {
        return p.names().stream().map(n -> n.given() + " " + n.family()).reduce((a, b) -> a + " / " + b).orElse("")
                + ", " + p.dateOfBirth() + ", " + new TreeSet<>(p.postcodes()) + ", " + new TreeMap<>(p.identifiers());
    }

    static String score(int s) {
        return s == 0 ? "<50" : Integer.toString(s);
    }

    static long pct(long[] sorted, double percentile) {
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String gcNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName())
                .reduce((a, b) -> a + ", " + b).orElse("?");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
