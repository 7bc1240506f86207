/**
 * The command line's help in German: `plustwin --help` and `plustwin <command> --help` with --lang de or a German
 * LANG. Kept apart from the commands so each command file keeps its English usage beside its flags; a test checks
 * that every command has a German text here naming every flag of its English usage.
 */

export interface GermanHelp {
  readonly summary: string;
  readonly usage: string;
}

export const OVERVIEW_DE = {
  title: 'PlusTwin: digitaler Zwilling für Plusenergie-Gebäude und -Quartiere',
  usage: 'Aufruf: plustwin <Befehl> [Optionen]     plustwin <Befehl> --help',
  commands: 'Befehle:',
} as const;

export const HELP_DE: Readonly<Record<string, GermanHelp>> = {
  serve: { summary: 'startet den Kern und liefert die Oberfläche über HTTP auf 127.0.0.1 aus', usage: '' },
  collect: { summary: 'startet einen Erfassungsdienst ohne Oberfläche, der an einen MQTT-Broker sendet (Store-and-Forward)', usage: '' },
  simulate: {
    summary: 'stellt die simulierten Zähler und Wechselrichter des Demo-Quartiers auf 127.0.0.1 bereit',
    usage: `Aufruf: plustwin simulate [--speed N] [--json] [--lang de|en]

Stellt die simulierten Geräte des Demo-Quartiers auf 127.0.0.1 bereit (je Gebäude ein Modbus-TCP-Gateway: der
Netzzähler mit der Registerbelegung eines Eastron SDM630 auf Unit 1, ein SunSpec-Wechselrichter auf Unit 2, wo das
Gebäude PV hat), bis Strg+C gedrückt wird.
  --speed N   simulierte Sekunden je echter Sekunde (Standard 1)
  --json      die Geräteliste als JSON ausgeben
  --lang de|en  Sprache der Meldungen (Standard aus LANG)`,
  },
  probe: {
    summary: 'liest ein Modbus- oder OPC-UA-Gerät einmal aus: Kennung und aktuelle Werte',
    usage: `Aufruf:
  plustwin probe modbus-tcp://HOST:PORT?unit=N [--profile NAME] [--json] [--lang de|en]
  plustwin probe modbus-rtu:///dev/ttyUSB0?baud=9600&unit=N [--profile NAME] [--json] [--lang de|en]
  plustwin probe modbus-rtu-tcp://GATEWAY:PORT?unit=N [--profile NAME] [--json] [--lang de|en]
  plustwin probe opc.tcp://HOST:PORT[/pfad] [--browse TIEFE] [--node NODEID ...] [--security MODUS:RICHTLINIE]
                 [--user NAME --password-file DATEI] [--user-cert DATEI --user-key DATEI] [--data ORDNER] [--json]

Verbindet sich einmal, liest nur und zeigt Kennung (Hersteller, Modell, Seriennummer) und aktuelle Werte mit
Einheiten. Ohne --profile wird ein Modbus-Gerät nach SunSpec durchsucht (Basis 0, 40000, 50000). OPC UA nutzt den
Zertifikatsordner der App (<data>/pki); Sicherheitsmodi und das Vertrauen in Serverzertifikate: docs/opcua.md.
Profile: drivers/profiles/devices/ (docs/devices.md). --lang de|en: Sprache der Beschriftungen, Meldungen und Zahlen
(Standard aus LANG).`,
  },
  import: {
    summary: 'importiert Gebäude und Dachflächen aus CityGML oder GeoJSON in eine Quartiersdatei',
    usage: `Aufruf: plustwin import DATEI.gml|DATEI.geojson|ORDNER ... --db DATEI [--crs EPSG:NNNN] [--json] [--lang de|en]

Importiert Gebäude in eine Quartiersdatei: CityGML 1.0/2.0 LoD1 und LoD2 (Grundrisse, Höhen, Dachflächen mit
Fläche, Neigung und Ausrichtung) oder GeoJSON-Grundrisse mit Höhe oder Geschossen. Gebäude werden über ihre Kennung
(gml:id oder die id des GeoJSON-Features) zusammengeführt; eine neuere Kachel aktualisiert sie also. Mehrere Dateien
oder ein Ordner (seine .gml-, .xml-, .geojson- und .json-Dateien, nach Namen geordnet) importieren eine ganze Stadt in
einem Lauf; von einer Datei mit Fehler wird nichts geschrieben, die Dateien davor bleiben importiert.
  --db DATEI     die Quartiersdatei (wird angelegt, wenn sie fehlt)
  --crs CODE     das Koordinatensystem, wenn die Datei keines oder ein falsches nennt (EPSG:25832, EPSG:25833,
                 EPSG:31466, EPSG:31467, EPSG:3857, EPSG:4326 ...)
  --json         die Zusammenfassung als JSON auf stdout
  --lang de|en   Sprache der Meldungen und Zahlenformat (Standard aus LANG)`,
  },
  district: {
    summary: 'exportiert, sichert, importiert oder prüft eine ganze Quartiersdatei; die Wärmeversorgung ihrer Gebäude',
    usage: `Aufruf:
  plustwin district export --db DATEI --out DATEI [--json]   eine Kopie zur Weitergabe, ohne OPC-UA-Passwörter
  plustwin district backup --db DATEI --out DATEI [--json]   eine vollständige Kopie (mit Passwörtern) zur Sicherung
  plustwin district import DATEI --db DATEI [--json]         DATEI prüfen, dann an die Stelle der Quartiersdatei setzen
  plustwin district check DATEI [--json]                     kann diese Version DATEI als Quartiersdatei öffnen?
  plustwin district heat-supply --db DATEI [--building ID (--carrier C --efficiency X | --none)] [--json] [--lang de|en]
                                                            zeigt oder speichert, wie die gemessene Wärme eines Gebäudes
                                                            erzeugt wird: C = gas, oil, lpg, biogas, wood, pellets,
                                                            district-heat, electricity (electricity = Wärmepumpe, X ihre
                                                            JAZ; sonst X der Jahresnutzungsgrad des Kessels, 1 für
                                                            Fernwärme); --none: Standard

Export und Sicherung kopieren eine Quartiersdatei, auch während PlusTwin in sie schreibt. Import ersetzt --db in
einem Schritt und erst, wenn DATEI ihre Prüfungen bestanden hat (SQLite, unbeschädigt, bekanntes Schema, enthält ein
Quartier); die App vorher schließen.
  --lang de|en   Sprache der Meldungen und Zahlenformat (Standard aus LANG)`,
  },
  history: {
    summary: 'importiert den Verlauf eines Zählers aus einer CSV-Datei (Zählerstände oder ein 15-Minuten-Lastgang)',
    usage: `Aufruf: plustwin history DATEI.csv --db DATEI --point ID [--preview] [--kind K] [--unit U] [--marks start|end] [--json] [--lang de|en]

Importiert den Verlauf eines Messpunkts aus einer CSV-Datei: Zählerstände (von derselben Logik wie Live-Daten in
15-Minuten-Energien umgerechnet) oder einen 15-Minuten-Lastgang (kWh je Viertelstunde oder mittlere kW), wie Netz-
betreiber und Zählerportale sie ausgeben: Semikolon oder Komma, Dezimalkomma oder -punkt, tt.mm.jjjj hh:mm oder
ISO-Zeiten, Europe/Berlin. Derselbe Zeitraum ein zweites Mal ersetzt den ersten. Eine Datei mit einer fehlerhaften
Zeile wird gar nicht importiert; jede fehlerhafte Zeile wird mit ihrer Nummer genannt.
  --db DATEI         die Quartiersdatei
  --point ID         der Energie-Messpunkt, zu dem der Verlauf gehört (eine Kennung aus dem Quartier)
  --preview          zeigen, was importiert würde, und jede fehlerhafte Zeile; nichts schreiben
  --kind K           readings, profile-kwh oder profile-kw, wenn die Spalten es nicht sagen
  --unit U           die Einheit der Werte: W, kW, Wh, kWh, MWh oder GJ (geht einer Einheit im Kopf, "Wert [kW]", oder
                     einer Zeile "Einheit;kW" vor); Werte werden in kWh oder kW umgerechnet, die Vorschau nennt die Einheit
  --marks start|end  die Zeiten eines Lastgangs markieren Beginn oder Ende der Viertelstunde (sonst aus der ganzen
                     Datei bestimmt)
  --json             das Ergebnis als JSON
  --lang de|en       Zahlen- und Datumsformat (Standard aus LANG)`,
  },
  balance: {
    summary: 'Energiebilanz, Kennzahlen, Plusenergie-Status und CO2 einer Quartiersdatei',
    usage: `Aufruf: plustwin balance --db DATEI --from DATUM --to DATUM [--building ID] [--scenario DATEI.json]
                        [--factors ID]... [--export-credit VARIANTE] [--resolution 15min|hour] [--min-coverage X] [--json] [--lang de|en]
       plustwin balance --pg URL [--site ID] --from DATUM --to DATUM [...]

Bilanzen je Gebäude und Energieträger, Kennzahlen (15 min), Plusenergie-Status (über den Zeitraum und die 12 Monate
vor --to), CO2 und Teilen im Quartier, aus einer PlusTwin-Datendatei oder der zentralen Datenbank eines Verbunds.
  --db DATEI       die SQLite-Datei des Quartiers (muss vorhanden sein)
  --pg URL         statt --db: die zentrale PostgreSQL-Datenbank eines Verbunds, z. B.
                   postgresql://plustwin_read@db.example.org/plustwin (nur lesend; das Passwort aus PGPASSWORD oder
                   ~/.pgpass, nicht in der URL)
  --site ID        mit --pg: der Standort (darf fehlen, wenn die Datenbank nur einen hält)
  --from, --to     Tage in der Zeitzone des Standorts (2025-01-01 = Mitternacht Ortszeit, standardmäßig Europe/Berlin)
                   oder ISO-Zeiten mit Zone (2025-01-01T06:00Z) im 15-Minuten-Raster; --to gehört nicht mehr dazu
  --min-coverage X Urteile, bei denen weniger als dieser Anteil der Viertelstunden einen Wert hat, sind vorläufig (Standard 0,9)
  --building ID    nur dieses Gebäude ausgeben (das Quartier wird trotzdem ganz ausgewertet)
  --scenario DATEI ein JSON-Szenario {"id", "name", "measures": [...]} (siehe docs/cli.md), neben dem gemessenen Stand
  --factors ID     ein Faktorsatz für Primärenergie oder CO2 (mehrfach möglich): geg-anlage-4, geg-anlage-9, bisko-gemis-4.95
  --export-credit V  wie eingespeister Strom in der Primärenergie zählt: effizienzhaus-plus, grid-symmetric, geg-none
                   (Standard effizienzhaus-plus: der Verdrängungsstrommix 2,8 der Effizienzhaus-Plus-Definition)
  --resolution R   15min (Standard, Kennzahlen wie gemessen) oder hour (Stundensummen: schneller, gleiche Summen,
                   stündliche Kennzahlen)
  --json           das ganze Ergebnis als JSON (Vertragstypen DistrictAnalysis und ScenarioRunResult)
  --lang de|en     Sprache und Zahlenformat (Standard aus LANG)`,
  },
  'pv-potential': {
    summary: 'PV-Potenzial der Dächer der Gebäude einer CityGML- oder GeoJSON-Datei',
    usage: `Aufruf: plustwin pv-potential DATEI.gml|DATEI.geojson [--json] [--crs EPSG] [--weather TRY.csv] [--lang de|en]

PV-Potenzial der Dächer je Gebäude: LoD2-Dachflächen, wo die Datei sie hat, sonst Dächer aus Grundriss und Dachform
angenommen; Einstrahlung aus dem DWD-Testreferenzjahr der Region 5 (Essen, mitgeliefert).
  --json          das ganze Ergebnis als JSON (Vertragstyp DistrictPvPotential)
  --crs EPSG      das Koordinatensystem der Datei, wenn sie keines nennt (wie bei plustwin import)
  --weather DATEI eine andere TRY-CSV im selben 15-Minuten-Format
  --lang de|en    Sprache der Tabelle, der Annahmen und der Zahlen (Standard aus LANG)`,
  },
  report: {
    summary: 'schreibt einen Bericht einer Quartiersdatei als PDF, XLSX oder CSV',
    usage: `Aufruf: plustwin report --db DATEI --period ZEITRAUM --format pdf|xlsx|csv --out DATEI
                       [--buildings ID,...] [--lang de|en] [--weather TRY.csv]
                       [--csv de|intl] [--csv-scope point|building|costs] [--no-intervals]
       plustwin report --pg URL [--site ID] --period ZEITRAUM --format pdf|xlsx|csv --out DATEI [...]

Schreibt einen Bericht über das Quartier einer PlusTwin-Datendatei oder über einen Standort der zentralen Datenbank
eines Verbunds.
  --db DATEI         die SQLite-Datei des Quartiers (wird nur gelesen)
  --pg URL           statt --db: die zentrale PostgreSQL-Datenbank eines Verbunds, z. B.
                     postgresql://plustwin_read@db.example.org/plustwin (nur lesend; das Passwort aus PGPASSWORD oder
                     ~/.pgpass, nicht in der URL)
  --site ID          mit --pg: der Standort (darf fehlen, wenn die Datenbank nur einen hält)
  --period ZEITRAUM  2025, 2025-03, 2025-03-30 oder 2025-01-01..2025-06-30 (Ende eingeschlossen), in der Zeitzone
                     des Standorts
  --format F         pdf: der Bericht für Beratende (braucht ein Chromium: /usr/bin/chromium oder PLUSTWIN_CHROMIUM)
                     xlsx: Gebäude, Monatsbilanzen, 15-Minuten-Werte mit Qualität, Faktoren
                     csv: 15-Minuten-Werte, fortlaufend geschrieben
  --out DATEI        Ziel (erst unter einem vorläufigen Namen geschrieben, dann umbenannt)
  --buildings IDS    Gebäudekennungen mit Komma getrennt (Standard: alle)
  --lang de|en       Sprache der Texte und Zahlen (Standard de)
  --weather DATEI    eine CSV eines DWD-Testreferenzjahres (15 min) für PV-Potenzial und Szenariovergleich
                     (Standard: das mitgelieferte TRY Essen, Region 5 = Ruhrgebiet)
  --csv de|intl      CSV-Variante: de = Semikolon, Dezimalkomma, Ortszeit mit Versatz (Standard bei --lang de);
                     intl = Komma, Dezimalpunkt, UTC
  --csv-scope S      point (eine Zeile je Messpunkt und Viertelstunde, Standard), building (vier Rollen je Zeile)
                     oder costs (eine Zeile je Gebäude und Energieträger nach den hinterlegten Tarifen)
  --no-intervals     XLSX ohne die 15-Minuten-Blätter`,
  },
  ingest: {
    summary: 'zentraler Schreibdienst: MQTT (geteiltes Abonnement) -> PostgreSQL, mit Bestätigung an die Erfassungsdienste',
    usage: `Aufruf: plustwin ingest --mqtt URL --pg URL [--user NAME] [--password-file DATEI] [--ca DATEI] [--client-id ID] [--lang de|en]

Schreibt, was die Erfassungsdienste senden, in PostgreSQL (15 oder neuer) und bestätigt es ihnen. Legt Tabellen und
Monatspartitionen selbst an.
  --mqtt URL     der Broker: mqtt://host:1883 oder mqtts://host:8883 (TLS)
  --user NAME    Benutzername am Broker
  --password-file DATEI
                 Datei mit dem Passwort des Brokers (oder PLUSTWIN_MQTT_PASSWORD setzen)
  --ca DATEI     PEM-Datei der Zertifizierungsstelle, die das Zertifikat des Brokers ausgestellt hat (mqtts://)
  --pg URL       postgresql://benutzer@host:port/datenbank (das Passwort aus ~/.pgpass oder PGPASSWORD, nicht in der URL)
  --client-id ID MQTT-Client-Kennung (Standard: plustwin-ingest-<pid>-<zeit>)
  --lang de|en   Sprache der Meldungen (Standard aus LANG)`,
  },
  'heat-plan': {
    summary: 'Export für die Wärmeplanung (WPG): Gebäude und Wärmedichte-Raster als GeoPackage und CSV',
    usage: `Aufruf: plustwin heat-plan --db DATEI --out DATEI.gpkg [--csv DATEI.csv] [--year JJJJ] [--cell M] [--grid-only] [--csv-dialect de|intl]
                         [--klimafaktor JJJJ=F ... --klimafaktor-source TEXT] [--lang de|en]
        plustwin heat-plan set --db DATEI --building ID [--year-built JJJJ] [--heating ART] [--fuel BRENNSTOFF]
                               [--heater-year JJJJ] [--floor-area M2] [--sector SEKTOR] [--report-category N|auto]

Export für die Wärmeplanung (WPG § 15): je Gebäude Nutzung, Baualtersklasse, Heizung, gemessene Wärme der drei
Jahre bis --year (witterungsbedingt wie gemessen) oder ein Schätzwert aus der Gebäudetypologie, gekennzeichnet; dazu
die Wärmedichte je Rasterzelle (MWh/(ha*a), Eignungsklassen der KEA-BW), nur für Zellen mit mindestens 5 Gebäuden.
GeoPackage-Ebenen 'buildings' und 'heat_grid' in EPSG:25832; siehe docs/planning.md.
  --out DATEI.gpkg     das zu schreibende GeoPackage (ersetzt, wenn vorhanden)
  --csv DATEI.csv      auch die Gebäude als CSV und das Raster als DATEI-grid.csv
  --year JJJJ          letztes gemessenes Jahr (Standard: das Vorjahr)
  --cell M             Zellengröße in Metern (Standard 100)
  --grid-only          ohne die Ebene je Gebäude (eine Datei zur Veröffentlichung)
  --csv-dialect de|intl  de = Semikolon und Dezimalkomma (Standard), intl = Komma und Punkt
  --klimafaktor JJJJ=F   der Klimafaktor des DWD für ein gemessenes Jahr (je Jahr wiederholen); die Wärme dieses
                         Jahres wird damit multipliziert (Heizung und Warmwasser zusammen); braucht --klimafaktor-source
  --klimafaktor-source TEXT  woher die Faktoren stammen, z. B. "DWD Klimafaktoren, PLZ 45127"
  --lang de|en         Sprache der Meldungen und Zahlenformat (Standard aus LANG)
set: trägt Merkmale eines Gebäudes ein, wo der Import keine hatte
  --heating boiler|heat-pump|district-heat|electric-direct|stove|chp|none|unknown
  --fuel gas|oil|lpg|biogas|wood|pellets|district-heat|electricity|coal|unknown
  --sector households|trade-services|industry|municipal
  --report-category N|auto  die Kategorie des Gebäudes im Energiebericht (lfd. Nr. 1-52 der Bekanntmachung 2021,
                     Anlage 1 Tabelle 1; siehe docs/planning.md); auto: wieder aus der Nutzung abgeleitet`,
  },
  bisko: {
    summary: 'BISKO-Bilanz eines Jahres (Sektor x Energieträger, MWh, t CO2e, Datengüte) als XLSX oder CSV',
    usage: `Aufruf: plustwin bisko --db DATEI --year JJJJ --out DATEI.xlsx|DATEI.csv [--lang de|en]

BISKO-Bilanz eines Kalenderjahres (Ortszeit): private Haushalte, Gewerbe/Handel/Dienstleistungen, Industrie, kommunale
Einrichtungen und Verkehr x Energieträger; Endenergie (MWh), Treibhausgase (t CO2e, Lebenszyklus-Faktoren) und die
BISKO-Datengüte je Zelle (A gemessen ... D geschätzt). Die Sektoren folgen der Nutzung jedes Gebäudes, sofern nicht
mit 'plustwin heat-plan set --sector' eingetragen. Siehe docs/planning.md.
  --lang de|en   Beschriftung und Zahlenformat (Standard de: Semikolon und Dezimalkomma in CSV)`,
  },
  lights: {
    summary: 'Straßenleuchten des Quartiers importieren oder auflisten (CSV oder GeoJSON)',
    usage: `Aufruf: plustwin lights import DATEI --db DATEI [--json] [--lang de|en]
       plustwin lights list --db DATEI [--json]

import   macht den Straßenleuchten-Bestand des Quartiers zu den Leuchten der DATEI: CSV mit den Spalten id, lon, lat,
         power_w, led, schedule (';' mit Dezimalkomma oder ','), oder eine GeoJSON-FeatureCollection von WGS84-Punkten
         mit diesen Eigenschaften. Der Dimmplan sind Stufen mit der Ortszeit, bis zu der jede gilt: "100@22:00 50@05:00 100".
         Leuchten, die nicht in der Datei stehen, werden entfernt; eine erneut genannte Leuchte behält ihren Zähler am
         Beleuchtungskreis. Eine Datei mit einem Fehler ändert nichts, und jeder Fehler wird mit Zeile oder Objekt genannt.
list     gibt den Bestand aus.
  --db DATEI     die Quartiersdatei
  --json         das Ergebnis als JSON ausgeben
  --lang de|en   Sprache der Meldungen (Standard aus LANG)`,
  },
  tariff: {
    summary: 'listet, ergänzt oder entfernt die Tarife (Arbeitspreis, Grundpreis, Einspeisung, dynamische Preise) einer Quartiersdatei',
    usage: `Aufruf:
  plustwin tariff list --db DATEI [--building ID] [--json] [--lang de|en]
  plustwin tariff add --db DATEI --building ID --carrier T --from DATUM [--to DATUM] --price CT [--fixed EUR]
                      [--feed-in CT] [--name TEXT] [--prices DATEI.csv] [--id ID] [--lang de|en]
  plustwin tariff remove --db DATEI --id ID [--lang de|en]

Tarife je Gebäude und Energieträger (T = electricity, gas, oil, lpg, district-heat, biogas, bio-lpg, bio-oil,
wood, pellets, hard-coal, lignite, waste-heat), gültig vom Ortsdatum --from bis vor --to (ohne --to unbefristet).
--price ist der Arbeitspreis in ct/kWh, --fixed der Grundpreis in Euro je Monat, --feed-in die Vergütung je
eingespeister kWh in ct/kWh (Dezimalkomma oder -punkt). Mit --prices ist der Tarif dynamisch: jede Viertelstunde
kostet den Preis der CSV-Datei plus --price (den Aufschlag). Die Datei ist „Zeitstempel;Preis“ mit Dezimalkomma
oder „timestamp,price“ mit Dezimalpunkt (ct/kWh, oder EUR/MWh, wenn die Kopfzeile es sagt); eine Datei mit einer
fehlerhaften Zeile wird ganz abgelehnt, jede Zeile benannt. add mit --id ändert diesen Tarif.`,
  },
  'energy-report': {
    summary: 'Energiebericht eines Jahres (kWh/m² je Gebäude, Vergleichswerte, Ampel, Trend über drei Jahre) als PDF oder XLSX',
    usage: `Aufruf: plustwin energy-report --db DATEI --year JJJJ --out DATEI.pdf|DATEI.xlsx [--lang de|en]
                             [--klimafaktor JJJJ=F ... --klimafaktor-source TEXT]
                             [--gradtage JJJJ=G ... --gradtage-source TEXT] [--amber-limit X]

Der jährliche Energiebericht über die Gebäude des Quartiers: je Gebäude Wärme und Strom je m² Fläche für die drei
Jahre bis --year, die Wärme witterungsbereinigt (mit dem eingegebenen DWD-Klimafaktor, sonst mit Gradtagzahlen
gegen das Testreferenzjahr Essen, sonst der gekennzeichnete TRY-Standard: nicht bereinigt), verglichen mit dem
Vergleichswert Wärme seiner Kategorie (Bekanntmachung der Regeln für Energieverbrauchswerte und der Vergleichswerte
im Nichtwohngebäudebestand, 2021) und der Strom mit VDI 3807, Ampeln und der Trend. Die Kategorie folgt der Nutzung
des Gebäudes, sofern nicht eingetragen (plustwin heat-plan set --report-category). Siehe docs/planning.md.
  --klimafaktor JJJJ=F   der DWD-Klimafaktor eines Jahres (je Jahr wiederholen); braucht --klimafaktor-source
  --klimafaktor-source TEXT  woher die Faktoren stammen, z. B. "DWD Klimafaktoren, PLZ 46236"
  --gradtage JJJJ=G  Gradtagzahl G20/15 eines Jahres am Standort, Kd (je Jahr wiederholen); die Wärme dieses Jahres
                     wird mit G20/15 des TRY Essen / G multipliziert; braucht --gradtage-source
  --gradtage-source TEXT  woher die Gradtagzahlen stammen, z. B. "DWD Gradtagzahlen, Station Essen-Bredeney"
  --amber-limit X  gelb bis zum X-Fachen des Vergleichswerts, darüber rot (Standard 1,5)
  --lang de|en     Beschriftung und Zahlenformat (Standard de)`,
  },
};
