package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vehicles: [colour] [make] [model] [type], with at least a make, model or type ("a white Toyota Prius", "silver
 * Dodge Charger", "black motorbike", "a dark colored sedan"). Makes and models of the cars seen on Japanese and
 * American roads are listed; a make not listed still counts when written with a capital between a colour and a
 * type ("a green Saturn sedan"). The value is the colours, the make as usually written (Chevy is Chevrolet), the
 * model and the type; the type is left out when it is "car" and a make or model is given. Emergency vehicles are
 * not vehicles of the incident.
 */
final class Vehicles {

    private static final Map<String, String> MAKES = Map.ofEntries(
            Map.entry("toyota", "Toyota"), Map.entry("honda", "Honda"), Map.entry("nissan", "Nissan"),
            Map.entry("mazda", "Mazda"), Map.entry("subaru", "Subaru"), Map.entry("suzuki", "Suzuki"),
            Map.entry("mitsubishi", "Mitsubishi"), Map.entry("daihatsu", "Daihatsu"), Map.entry("lexus", "Lexus"),
            Map.entry("isuzu", "Isuzu"), Map.entry("hino", "Hino"), Map.entry("yamaha", "Yamaha"),
            Map.entry("kawasaki", "Kawasaki"), Map.entry("bmw", "BMW"), Map.entry("mercedes", "Mercedes"),
            Map.entry("benz", "Mercedes"), Map.entry("audi", "Audi"), Map.entry("volkswagen", "Volkswagen"),
            Map.entry("vw", "Volkswagen"), Map.entry("tesla", "Tesla"), Map.entry("ford", "Ford"),
            Map.entry("volvo", "Volvo"), Map.entry("porsche", "Porsche"), Map.entry("hyundai", "Hyundai"),
            Map.entry("chevy", "Chevrolet"), Map.entry("chevrolet", "Chevrolet"), Map.entry("dodge", "Dodge"),
            Map.entry("chrysler", "Chrysler"), Map.entry("ram", "Ram"), Map.entry("gmc", "GMC"),
            Map.entry("cadillac", "Cadillac"), Map.entry("caddy", "Cadillac"), Map.entry("buick", "Buick"),
            Map.entry("lincoln", "Lincoln"), Map.entry("pontiac", "Pontiac"), Map.entry("oldsmobile", "Oldsmobile"),
            Map.entry("saturn", "Saturn"), Map.entry("mercury", "Mercury"), Map.entry("kia", "Kia"),
            Map.entry("acura", "Acura"), Map.entry("infiniti", "Infiniti"), Map.entry("genesis", "Genesis"),
            Map.entry("mini", "Mini"), Map.entry("fiat", "Fiat"), Map.entry("jaguar", "Jaguar"),
            Map.entry("bentley", "Bentley"), Map.entry("ferrari", "Ferrari"), Map.entry("lamborghini", "Lamborghini"),
            Map.entry("maserati", "Maserati"), Map.entry("peugeot", "Peugeot"), Map.entry("renault", "Renault"),
            Map.entry("citroen", "Citroen"), Map.entry("skoda", "Skoda"), Map.entry("opel", "Opel"),
            Map.entry("vauxhall", "Vauxhall"), Map.entry("harley", "Harley-Davidson"), Map.entry("ducati", "Ducati"),
            Map.entry("triumph", "Triumph"), Map.entry("freightliner", "Freightliner"),
            Map.entry("kenworth", "Kenworth"), Map.entry("peterbilt", "Peterbilt"), Map.entry("mack", "Mack"),
            Map.entry("scion", "Scion"), Map.entry("rivian", "Rivian"), Map.entry("datsun", "Datsun"),
            Map.entry("hummer", "Hummer"), Map.entry("plymouth", "Plymouth"), Map.entry("landrover", "Land Rover"),
            Map.entry("polestar", "Polestar"), Map.entry("jeep", "Jeep"));
    private static final Map<String, String> TWO_WORD_MAKES = Map.of("land rover", "Land Rover",
            "range rover", "Range Rover", "harley davidson", "Harley-Davidson", "alfa romeo", "Alfa Romeo",
            "aston martin", "Aston Martin", "rolls royce", "Rolls-Royce", "mercedes benz", "Mercedes", "dodge ram",
            "Dodge Ram");
    private static final Map<String, String> MODELS = Map.ofEntries(
            Map.entry("prius", "Prius"), Map.entry("corolla", "Corolla"), Map.entry("alphard", "Alphard"),
            Map.entry("hiace", "HiAce"), Map.entry("civic", "Civic"), Map.entry("serena", "Serena"),
            Map.entry("skyline", "Skyline"), Map.entry("camry", "Camry"), Map.entry("harrier", "Harrier"),
            Map.entry("jimny", "Jimny"), Map.entry("elgrand", "Elgrand"), Map.entry("odyssey", "Odyssey"),
            Map.entry("vitz", "Vitz"), Map.entry("crown", "Crown"), Map.entry("impreza", "Impreza"),
            Map.entry("wagon r", "Wagon R"), Map.entry("land cruiser", "Land Cruiser"), Map.entry("accord", "Accord"),
            Map.entry("altima", "Altima"), Map.entry("sentra", "Sentra"), Map.entry("maxima", "Maxima"),
            Map.entry("rogue", "Rogue"), Map.entry("murano", "Murano"), Map.entry("pathfinder", "Pathfinder"),
            Map.entry("frontier", "Frontier"), Map.entry("versa", "Versa"), Map.entry("malibu", "Malibu"),
            Map.entry("impala", "Impala"), Map.entry("tahoe", "Tahoe"), Map.entry("suburban", "Suburban"),
            Map.entry("silverado", "Silverado"), Map.entry("equinox", "Equinox"), Map.entry("cruze", "Cruze"),
            Map.entry("camaro", "Camaro"), Map.entry("corvette", "Corvette"), Map.entry("charger", "Charger"),
            Map.entry("challenger", "Challenger"), Map.entry("durango", "Durango"), Map.entry("caravan", "Caravan"),
            Map.entry("grand caravan", "Grand Caravan"), Map.entry("explorer", "Explorer"),
            Map.entry("escape", "Escape"), Map.entry("expedition", "Expedition"), Map.entry("focus", "Focus"),
            Map.entry("fusion", "Fusion"), Map.entry("mustang", "Mustang"), Map.entry("ranger", "Ranger"),
            Map.entry("taurus", "Taurus"), Map.entry("wrangler", "Wrangler"), Map.entry("cherokee", "Cherokee"),
            Map.entry("grand cherokee", "Grand Cherokee"), Map.entry("compass", "Compass"),
            Map.entry("liberty", "Liberty"), Map.entry("escalade", "Escalade"), Map.entry("tacoma", "Tacoma"),
            Map.entry("tundra", "Tundra"), Map.entry("highlander", "Highlander"), Map.entry("sienna", "Sienna"),
            Map.entry("pilot", "Pilot"), Map.entry("elantra", "Elantra"), Map.entry("sonata", "Sonata"),
            Map.entry("tucson", "Tucson"), Map.entry("santa fe", "Santa Fe"), Map.entry("optima", "Optima"),
            Map.entry("sorento", "Sorento"), Map.entry("soul", "Soul"), Map.entry("forte", "Forte"),
            Map.entry("outback", "Outback"), Map.entry("forester", "Forester"), Map.entry("legacy", "Legacy"),
            Map.entry("jetta", "Jetta"), Map.entry("passat", "Passat"), Map.entry("golf", "Golf"),
            Map.entry("beetle", "Beetle"), Map.entry("sierra", "Sierra"), Map.entry("yukon", "Yukon"),
            Map.entry("acadia", "Acadia"), Map.entry("pacifica", "Pacifica"), Map.entry("lesabre", "LeSabre"),
            Map.entry("grand prix", "Grand Prix"), Map.entry("grand marquis", "Grand Marquis"),
            Map.entry("crown victoria", "Crown Victoria"), Map.entry("lancer", "Lancer"), Map.entry("outlander",
                    "Outlander"), Map.entry("mdx", "MDX"), Map.entry("rdx", "RDX"), Map.entry("tl", "TL"),
            Map.entry("avalon", "Avalon"), Map.entry("yaris", "Yaris"), Map.entry("fit", "Fit"),
            Map.entry("element", "Element"), Map.entry("ridgeline", "Ridgeline"), Map.entry("edge", "Edge"),
            Map.entry("bronco", "Bronco"), Map.entry("econoline", "Econoline"), Map.entry("transit", "Transit"),
            Map.entry("express", "Express"), Map.entry("colorado", "Colorado"), Map.entry("blazer", "Blazer"),
            Map.entry("trailblazer", "Trailblazer"), Map.entry("cobalt", "Cobalt"), Map.entry("neon", "Neon"),
            Map.entry("journey", "Journey"), Map.entry("magnum", "Magnum"), Map.entry("miata", "Miata"),
            Map.entry("cutlass", "Cutlass"), Map.entry("regal", "Regal"), Map.entry("enclave", "Enclave"),
            Map.entry("navigator", "Navigator"), Map.entry("continental", "Continental"),
            Map.entry("town car", "Town Car"), Map.entry("xterra", "Xterra"), Map.entry("titan", "Titan"),
            Map.entry("armada", "Armada"), Map.entry("quest", "Quest"), Map.entry("leaf", "Leaf"),
            Map.entry("sportage", "Sportage"), Map.entry("rio", "Rio"), Map.entry("accent", "Accent"),
            Map.entry("kona", "Kona"), Map.entry("crosstrek", "Crosstrek"), Map.entry("tiguan", "Tiguan"),
            Map.entry("wrx", "WRX"), Map.entry("sprinter", "Sprinter"), Map.entry("hr v", "HR-V"),
            Map.entry("cr v", "CR-V"), Map.entry("crv", "CR-V"), Map.entry("rav 4", "RAV4"), Map.entry("rav4",
                    "RAV4"), Map.entry("f 150", "F-150"), Map.entry("f150", "F-150"), Map.entry("f 250", "F-250"),
            Map.entry("f 350", "F-350"), Map.entry("model 3", "Model 3"), Map.entry("model s", "Model S"),
            Map.entry("model x", "Model X"), Map.entry("model y", "Model Y"), Map.entry("4 runner", "4Runner"),
            Map.entry("cx 5", "CX-5"), Map.entry("x 5", "X5"), Map.entry("x5", "X5"), Map.entry("c class",
                    "C-Class"), Map.entry("e class", "E-Class"), Map.entry("a4", "A4"), Map.entry("a 4", "A4"),
            Map.entry("q 5", "Q5"), Map.entry("fj cruiser", "FJ Cruiser"), Map.entry("300", "300"),
            Map.entry("1500", "1500"), Map.entry("2500", "2500"), Map.entry("g 35", "G35"),
            Map.entry("fiesta", "Fiesta"));
    /** Models that are also common words: only a model right after a make. */
    private static final Set<String> MODEL_NEEDS_MAKE = Set.of("Compass", "Liberty", "Pilot", "Soul", "Golf",
            "Legacy", "Escape", "Focus", "Fusion", "Edge", "Transit", "Express", "Journey", "Element", "Fit",
            "Regal", "Quest", "Leaf", "Accent", "Crown", "Ranger", "Titan", "300", "1500", "2500", "Rio", "Neon",
            "Sierra", "Continental", "Explorer", "Pacifica", "Outback", "Suburban", "Forte", "Colorado",
            "Magnum", "Avalon", "Tucson", "Santa Fe", "Town Car", "Model 3", "Model S", "Model X", "Model Y",
            "Charger", "Challenger", "Pathfinder", "Navigator", "Frontier", "Enclave", "Sprinter", "Odyssey",
            "Cherokee", "Durango", "Taurus", "Mustang", "Bronco", "Blazer", "Yukon", "Tahoe", "Malibu", "TL", "A4",
            "Q5", "X5", "G35", "Caravan", "Grand Caravan", "Fiesta", "Acadia", "Armada");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("car", "car"), Map.entry("cars", "car"), Map.entry("sedan", "sedan"), Map.entry("suv", "SUV"),
            Map.entry("van", "van"), Map.entry("vans", "van"), Map.entry("minivan", "minivan"),
            Map.entry("truck", "truck"), Map.entry("trucks", "truck"), Map.entry("lorry", "truck"),
            Map.entry("bus", "bus"), Map.entry("taxi", "taxi"), Map.entry("cab", "taxi"),
            Map.entry("motorbike", "motorbike"), Map.entry("motorcycle", "motorbike"),
            Map.entry("motorbikes", "motorbike"), Map.entry("motorcycles", "motorbike"),
            Map.entry("scooter", "scooter"), Map.entry("moped", "scooter"), Map.entry("bicycle", "bicycle"),
            Map.entry("bike", "bike"), Map.entry("pickup", "pickup"), Map.entry("jeep", "jeep"),
            Map.entry("tanker", "tanker"), Map.entry("kei car", "kei car"), Map.entry("sports car", "sports car"),
            Map.entry("delivery truck", "delivery truck"), Map.entry("dump truck", "dump truck"),
            Map.entry("garbage truck", "garbage truck"), Map.entry("tanker truck", "tanker"),
            Map.entry("tank truck", "tanker"),
            Map.entry("delivery van", "delivery van"), Map.entry("pickup truck", "pickup"),
            Map.entry("vehicle", "vehicle"), Map.entry("vehicles", "vehicle"), Map.entry("minibus", "minibus"),
            Map.entry("coupe", "coupe"), Map.entry("hatchback", "hatchback"), Map.entry("convertible", "convertible"),
            Map.entry("semi", "truck"), Map.entry("semi truck", "truck"), Map.entry("box truck", "truck"),
            Map.entry("tractor trailer", "truck"), Map.entry("eighteen wheeler", "truck"),
            Map.entry("18 wheeler", "truck"), Map.entry("school bus", "bus"), Map.entry("dirt bike", "motorbike"),
            Map.entry("tow truck", "truck"), Map.entry("pick up", "pickup"), Map.entry("pick up truck", "pickup"),
            Map.entry("rv", "RV"), Map.entry("camper", "RV"), Map.entry("motorhome", "RV"), Map.entry("limo",
                    "limo"), Map.entry("limousine", "limo"), Map.entry("station wagon", "wagon"),
            Map.entry("wagon", "wagon"), Map.entry("suvs", "SUV"), Map.entry("sedans", "sedan"),
            Map.entry("pickups", "pickup"), Map.entry("town car", "car"), Map.entry("semis", "truck"),
            Map.entry("bikes", "bike"), Map.entry("buses", "bus"), Map.entry("taxis", "taxi"),
            Map.entry("cabs", "taxi"), Map.entry("auto", "car"), Map.entry("automobile", "car"));
    private static final Set<String> OWN_UNITS = Set.of("police", "patrol", "fire", "ambulance", "squad", "cop",
            "cops", "sheriff", "sheriffs", "trooper", "troopers", "ems", "rescue", "emergency", "unmarked");
    private static final Set<String> STYLE = Set.of("colored", "coloured", "color", "colour", "metallic", "older",
            "newer", "old", "new", "little", "small", "big", "beat", "beat-up", "rusty", "tinted", "two", "four",
            "door", "full", "size", "compact", "lifted", "dented", "shiny", "flatbed", "souped", "up", "work", "cargo",
            "delivery", "utility", "box", "passenger", "panel", "stake", "moving", "rental");
    /** A vehicle word that names a place or a thing here ("the bus station", "a car seat"). */
    private static final Set<String> NOT_A_VEHICLE_AFTER = Set.of("station", "stop", "shelter", "depot",
            "terminal", "lane", "stops", "stations", "seat", "seats", "wash", "dealership", "dealer", "lot",
            "park", "garage", "ride", "route", "pass", "ticket", "alarm", "keys", "key", "insurance", "accident",
            "rack", "path", "trail", "shop");
    /** Makes that are also ordinary words or names: only a make with a colour, model or type. */
    private static final Set<String> AMBIGUOUS_MAKES = Set.of("Lincoln", "Mercury", "Saturn", "Genesis", "Ram",
            "Mini", "Triumph", "Mack", "Scion", "Jaguar", "Hummer", "Polestar", "Jeep", "Dodge", "Ford");
    private static final Set<String> NOT_A_MAKE = Set.of("I", "The", "A", "He", "She", "It", "They", "We", "You",
            "My", "His", "Her", "Their", "Our", "That", "This", "And", "Or", "But", "So", "Then", "Just", "Like");

    private Vehicles() {
    }

    /** True when {@code w} is a make, model or vehicle type word. */
    static boolean knows(String w) {
        return MAKES.containsKey(w) || MODELS.containsKey(w) || TYPES.containsKey(w);
    }

    /** Finds vehicles; marks their tokens in {@code blocked}. */
    static void find(Tokens t, boolean[] blocked, Context ctx, List<ExtractedEntity> out) {
        int i = 0;
        while (i < t.size) {
            if (blocked[i] || t.isAny(i - 1, OWN_UNITS)) {
                i++;
                continue;
            }
            int j = i;
            List<String> colours = new ArrayList<>();
            while (j < t.size && j < i + 3 && !blocked[j] && (t.isAny(j, Suspects.COLOURS)
                    || !colours.isEmpty() && t.isAny(j, Set.of("colored", "coloured")))) {
                if (t.isAny(j, Suspects.COLOURS)) {
                    colours.add(Suspects.colour(t.word[j]));
                }
                j++;
            }
            while (j < t.size && j < i + 5 && !blocked[j] && STYLE.contains(t.word[j])
                    && !TYPES.containsKey(t.word[j])) {
                j++;
            }
            String make = null;
            String two = j + 1 < t.size ? t.word[j] + " " + t.word[j + 1] : "";
            if (TWO_WORD_MAKES.containsKey(two) && !blocked[j] && !blocked[j + 1]) {
                make = TWO_WORD_MAKES.get(two);
                j += 2;
            } else if (j < t.size && !blocked[j] && MAKES.containsKey(t.word[j])
                    && !(t.word[j].equals("jeep") && TYPES.containsKey(t.at(j + 1)))) {
                make = MAKES.get(t.word[j]);
                j++;
            }
            String model = model(t, blocked, j, make != null);
            if (model != null) {
                j += modelTokens(t, j);
            }
            if (make == null && model == null && !colours.isEmpty() && capitalisedUnknown(t, j)
                    && TYPES.containsKey(t.at(j + 1))) {
                make = t.text.substring(t.start[j], t.end[j]);
                j++;
            }
            String type = null;
            String three = j + 2 < t.size ? t.word[j] + " " + t.word[j + 1] + " " + t.word[j + 2] : "";
            two = j + 1 < t.size ? t.word[j] + " " + t.word[j + 1] : "";
            if (TYPES.containsKey(three) && !blocked[j + 2]) {
                type = TYPES.get(three);
                j += 3;
            } else if (TYPES.containsKey(two) && !blocked[j + 1]) {
                type = TYPES.get(two);
                j += 2;
            } else if (j < t.size && !blocked[j] && TYPES.containsKey(t.word[j])) {
                type = TYPES.get(t.word[j]);
                j++;
            }
            boolean makeAlone = make != null && model == null && type == null && colours.isEmpty()
                    && (!t.isAny(i - 1, Set.of("a", "the", "his", "her", "their", "my", "an", "that", "this"))
                    || AMBIGUOUS_MAKES.contains(make));
            if (make == null && model == null && type == null || makeAlone
                    || type != null && type.equals("vehicle") && make == null && colours.isEmpty()
                    || colours.isEmpty() && make == null && model == null && t.isAny(j, OWN_UNITS)
                    || type != null && type.equals("bike") && t.is(j, "lane")
                    || type != null && make == null && model == null && colours.isEmpty()
                    && t.isAny(j, NOT_A_VEHICLE_AFTER)) {
                i++;
                continue;
            }
            StringBuilder v = new StringBuilder();
            for (String c : colours) {
                v.append(c).append(' ');
            }
            if (make != null) {
                v.append(make).append(' ');
            }
            if (model != null) {
                v.append(model).append(' ');
            }
            if (type != null && !(type.equals("car") && (make != null || model != null))) {
                v.append(type);
            }
            double conf = make != null || model != null || !colours.isEmpty() ? 0.85 : 0.75;
            if (ctx.hedged(i)) {
                conf *= 0.6;
            }
            int from = i;
            while (from < j && t.isAny(from, STYLE) && colours.isEmpty()) {
                from++;
            }
            for (int k = from; k < j; k++) {
                blocked[k] = true;
            }
            out.add(new ExtractedEntity(EntityType.VEHICLE, v.toString().strip(), t.span(from, j), t.start[from],
                    t.end[j - 1], Math.round(conf * 100) / 100.0));
            i = j;
        }
    }

    private static String model(Tokens t, boolean[] blocked, int j, boolean afterMake) {
        if (j >= t.size || blocked[j]) {
            return null;
        }
        String m = null;
        if (j + 1 < t.size && !blocked[j + 1] && MODELS.containsKey(t.word[j] + " " + t.word[j + 1])) {
            m = MODELS.get(t.word[j] + " " + t.word[j + 1]);
        } else if (MODELS.containsKey(t.word[j])) {
            m = MODELS.get(t.word[j]);
        }
        if (m != null && !afterMake && MODEL_NEEDS_MAKE.contains(m)) {
            return null;
        }
        return m;
    }

    private static int modelTokens(Tokens t, int j) {
        return j + 1 < t.size && MODELS.containsKey(t.word[j] + " " + t.word[j + 1]) ? 2 : 1;
    }

    /** A word written with a capital that names no known thing: an unlisted make ("a green Saturn sedan"). */
    private static boolean capitalisedUnknown(Tokens t, int j) {
        if (j >= t.size || t.isNumber(j)) {
            return false;
        }
        String s = t.text.substring(t.start[j], t.end[j]);
        return Character.isUpperCase(s.charAt(0)) && !NOT_A_MAKE.contains(s) && !TYPES.containsKey(t.word[j])
                && !Suspects.COLOURS.contains(t.word[j]);
    }
}
