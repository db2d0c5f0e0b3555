package eu.danubia.matching.internal.sectors;

import java.util.Map;

/**
 * The titles of the 88 NACE Rev.2 divisions (Regulation (EC) No 1893/2006, Annex I). The SK code list
 * has class labels only, and many of them ("Binding", "Other printing", "Machining") say little
 * without their division, so each class is embedded and matched together with its division's title.
 */
final class NaceDivisions {

    private NaceDivisions() {
    }

    static String title(String division) {
        return TITLES.getOrDefault(division, "");
    }

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("01", "Crop and animal production, hunting and related service activities"),
            Map.entry("02", "Forestry and logging"),
            Map.entry("03", "Fishing and aquaculture"),
            Map.entry("05", "Mining of coal and lignite"),
            Map.entry("06", "Extraction of crude petroleum and natural gas"),
            Map.entry("07", "Mining of metal ores"),
            Map.entry("08", "Other mining and quarrying"),
            Map.entry("09", "Mining support service activities"),
            Map.entry("10", "Manufacture of food products"),
            Map.entry("11", "Manufacture of beverages"),
            Map.entry("12", "Manufacture of tobacco products"),
            Map.entry("13", "Manufacture of textiles"),
            Map.entry("14", "Manufacture of wearing apparel"),
            Map.entry("15", "Manufacture of leather and related products"),
            Map.entry("16", "Manufacture of wood and of products of wood and cork, except furniture"),
            Map.entry("17", "Manufacture of paper and paper products"),
            Map.entry("18", "Printing and reproduction of recorded media"),
            Map.entry("19", "Manufacture of coke and refined petroleum products"),
            Map.entry("20", "Manufacture of chemicals and chemical products"),
            Map.entry("21", "Manufacture of basic pharmaceutical products and pharmaceutical preparations"),
            Map.entry("22", "Manufacture of rubber and plastic products"),
            Map.entry("23", "Manufacture of other non-metallic mineral products"),
            Map.entry("24", "Manufacture of basic metals"),
            Map.entry("25", "Manufacture of fabricated metal products, except machinery and equipment"),
            Map.entry("26", "Manufacture of computer, electronic and optical products"),
            Map.entry("27", "Manufacture of electrical equipment"),
            Map.entry("28", "Manufacture of machinery and equipment"),
            Map.entry("29", "Manufacture of motor vehicles, trailers and semi-trailers"),
            Map.entry("30", "Manufacture of other transport equipment"),
            Map.entry("31", "Manufacture of furniture"),
            Map.entry("32", "Other manufacturing"),
            Map.entry("33", "Repair and installation of machinery and equipment"),
            Map.entry("35", "Electricity, gas, steam and air conditioning supply"),
            Map.entry("36", "Water collection, treatment and supply"),
            Map.entry("37", "Sewerage"),
            Map.entry("38", "Waste collection, treatment and disposal activities; materials recovery"),
            Map.entry("39", "Remediation activities and other waste management services"),
            Map.entry("41", "Construction of buildings"),
            Map.entry("42", "Civil engineering"),
            Map.entry("43", "Specialised construction activities"),
            Map.entry("45", "Wholesale and retail trade and repair of motor vehicles and motorcycles"),
            Map.entry("46", "Wholesale trade, except of motor vehicles and motorcycles"),
            Map.entry("47", "Retail trade, except of motor vehicles and motorcycles"),
            Map.entry("49", "Land transport and transport via pipelines"),
            Map.entry("50", "Water transport"),
            Map.entry("51", "Air transport"),
            Map.entry("52", "Warehousing and support activities for transportation"),
            Map.entry("53", "Postal and courier activities"),
            Map.entry("55", "Accommodation"),
            Map.entry("56", "Food and beverage service activities"),
            Map.entry("58", "Publishing activities"),
            Map.entry("59", "Motion picture, video and television programme production, sound recording and music publishing activities"),
            Map.entry("60", "Programming and broadcasting activities"),
            Map.entry("61", "Telecommunications"),
            Map.entry("62", "Computer programming, consultancy and related activities"),
            Map.entry("63", "Information service activities"),
            Map.entry("64", "Financial service activities, except insurance and pension funding"),
            Map.entry("65", "Insurance, reinsurance and pension funding, except compulsory social security"),
            Map.entry("66", "Activities auxiliary to financial services and insurance activities"),
            Map.entry("68", "Real estate activities"),
            Map.entry("69", "Legal and accounting activities"),
            Map.entry("70", "Activities of head offices; management consultancy activities"),
            Map.entry("71", "Architectural and engineering activities; technical testing and analysis"),
            Map.entry("72", "Scientific research and development"),
            Map.entry("73", "Advertising and market research"),
            Map.entry("74", "Other professional, scientific and technical activities"),
            Map.entry("75", "Veterinary activities"),
            Map.entry("77", "Rental and leasing activities"),
            Map.entry("78", "Employment activities"),
            Map.entry("79", "Travel agency, tour operator and other reservation service and related activities"),
            Map.entry("80", "Security and investigation activities"),
            Map.entry("81", "Services to buildings and landscape activities"),
            Map.entry("82", "Office administrative, office support and other business support activities"),
            Map.entry("84", "Public administration and defence; compulsory social security"),
            Map.entry("85", "Education"),
            Map.entry("86", "Human health activities"),
            Map.entry("87", "Residential care activities"),
            Map.entry("88", "Social work activities without accommodation"),
            Map.entry("90", "Creative, arts and entertainment activities"),
            Map.entry("91", "Libraries, archives, museums and other cultural activities"),
            Map.entry("92", "Gambling and betting activities"),
            Map.entry("93", "Sports activities and amusement and recreation activities"),
            Map.entry("94", "Activities of membership organisations"),
            Map.entry("95", "Repair of computers and personal and household goods"),
            Map.entry("96", "Other personal service activities"),
            Map.entry("97", "Activities of households as employers of domestic personnel"),
            Map.entry("98", "Undifferentiated goods- and services-producing activities of private households for own use"),
            Map.entry("99", "Activities of extraterritorial organisations and bodies"));
}
