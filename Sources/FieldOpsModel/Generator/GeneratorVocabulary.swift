/// Names, skills, jobs and parts that make generated problems read like a real service company's day.
enum GeneratorVocabulary {
    static let germanFirstNames = [
        "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Katrin", "Lukas",
        "Marie", "Niklas", "Olga", "Paul", "Rosa", "Stefan", "Tanja", "Uwe", "Vera", "Wolfgang", "Yusuf", "Zoe",
        "Jürgen", "Jörg", "Sören", "Ayşe", "Mehmet", "Łukasz",
    ]
    static let germanSurnames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
        "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Yılmaz", "Nowak",
    ]
    static let chineseNames = [
        "王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄勇", "周杰", "吴芳", "徐明", "孙悦", "马超", "朱琳",
        "胡军", "郭婷", "林峰", "何欣", "高翔", "罗娟", "欧阳明", "司马磊",
    ]
    static let businessKinds = [
        "Bäckerei", "Hotel", "Praxis Dr.", "Kanzlei", "Café", "Autohaus", "Apotheke", "Wohnbau", "Kita", "Fitnessstudio",
        "Restaurant", "Supermarkt", "Büro", "Galerie", "Zahnarztpraxis",
    ]
    static let chineseBusinesses = ["华美餐厅", "金龙酒家", "东方超市", "长城贸易", "明月茶馆", "福满楼"]
    static let streets = [
        "Friedrichstraße", "Torstraße", "Kastanienallee", "Sonnenallee", "Karl-Marx-Allee", "Hauptstraße",
        "Schönhauser Allee", "Kantstraße", "Bergmannstraße", "Oranienstraße", "Müllerstraße", "Greifswalder Straße",
        "Prenzlauer Allee", "Turmstraße", "Boxhagener Straße", "Potsdamer Straße", "Frankfurter Allee", "Invalidenstraße",
    ]

    static let skills: [SkillName] = ["hvac", "electrical", "plumbing", "elevator", "fire-safety", "network", "appliance", "solar"]
    /// How common each skill's work is, in the same order as `skills`.
    static let skillDemand: [Double] = [0.24, 0.2, 0.2, 0.06, 0.08, 0.1, 0.08, 0.04]

    static let categories: [SkillName: [(name: String, minutes: ClosedRange<Int>)]] = [
        "hvac": [("Heating repair", 20...60), ("Boiler service", 30...50), ("Heat pump install", 90...150)],
        "electrical": [("Electrical fault", 15...45), ("EV charger install", 60...120), ("Meter exchange", 15...30)],
        "plumbing": [("Leak repair", 15...45), ("Drain unblocking", 15...30), ("Water heater service", 30...60)],
        "elevator": [("Elevator inspection", 30...60), ("Elevator breakdown", 30...90)],
        "fire-safety": [("Fire alarm test", 20...45), ("Sprinkler inspection", 30...60)],
        "network": [("Router install", 15...30), ("Fibre connection", 30...60), ("Line fault", 15...45)],
        "appliance": [("Washer repair", 20...45), ("Dishwasher repair", 20...45), ("Oven repair", 20...45)],
        "solar": [("Solar inverter check", 30...60), ("Panel cleaning", 45...90)],
    ]

    static let parts: [(id: String, name: String, unit: String, serialized: Bool, cost: Int, skill: SkillName)] = [
        ("FLT-220", "Air filter 220 mm", "pcs", false, 1_250, "hvac"),
        ("VLV-015", "Thermostatic valve DN15", "pcs", false, 2_890, "hvac"),
        ("PMP-040", "Circulation pump 40 W", "pcs", true, 18_900, "hvac"),
        ("IGN-007", "Boiler ignition electrode", "pcs", false, 3_400, "hvac"),
        ("HPC-100", "Heat pump controller", "pcs", true, 64_000, "hvac"),
        ("FUS-016", "Fuse 16 A", "pcs", false, 180, "electrical"),
        ("RCD-040", "Residual current device 40 A", "pcs", false, 4_950, "electrical"),
        ("CBL-025", "Cable NYM 3x2.5", "m", false, 95, "electrical"),
        ("EVW-011", "Wallbox 11 kW", "pcs", true, 79_900, "electrical"),
        ("MTR-001", "Smart meter", "pcs", true, 12_500, "electrical"),
        ("GSK-050", "Gasket set 1/2\"", "pcs", false, 320, "plumbing"),
        ("TRP-032", "Siphon trap 32 mm", "pcs", false, 1_190, "plumbing"),
        ("PIP-015", "Copper pipe 15 mm", "m", false, 870, "plumbing"),
        ("HTR-080", "Heating element 2 kW", "pcs", false, 5_600, "plumbing"),
        ("ELV-BRK", "Elevator brake pad", "pcs", false, 14_500, "elevator"),
        ("ELV-DSW", "Door safety switch", "pcs", false, 8_900, "elevator"),
        ("SMK-OPT", "Optical smoke detector", "pcs", false, 2_450, "fire-safety"),
        ("SPR-068", "Sprinkler head 68 °C", "pcs", false, 1_780, "fire-safety"),
        ("RTR-AX6", "Router Wi-Fi 6", "pcs", true, 9_900, "network"),
        ("ONT-G01", "Fibre modem (ONT)", "pcs", true, 7_500, "network"),
        ("PTC-CAT6", "Patch cable Cat 6", "pcs", false, 350, "network"),
        ("WSH-BLT", "Washer drive belt", "pcs", false, 1_650, "appliance"),
        ("DSH-PMP", "Dishwasher drain pump", "pcs", false, 4_200, "appliance"),
        ("OVN-THR", "Oven thermostat", "pcs", false, 3_100, "appliance"),
        ("INV-5KW", "Solar inverter 5 kW", "pcs", true, 119_000, "solar"),
        ("MC4-SET", "MC4 connector pair", "pcs", false, 420, "solar"),
    ]

    static let territories = ["Mitte", "Nord", "Ost", "Süd", "West"]
}
