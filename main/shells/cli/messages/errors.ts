/**
 * The core's coded failures (models/error-codes.ts) in the CLI's words, each with the next step a command-line user
 * takes (a flag to give, a file to fix). The renderer has its own texts for the same codes: it names dialogs and
 * fields, the CLI names flags.
 */
import { defineMessages } from '../../../../models/i18n/define-messages.js';

export const errorMessages = defineMessages({
  de: {
    'error.sunspec.notFound': 'kein SunSpec-Gerät an den Registern {registers} gefunden: geben Sie das Profil des Zählers mit --profile an (Profile: drivers/profiles/devices/, docs/devices.md)',
    'error.address.scheme': 'die Adresse muss mit modbus-tcp://, modbus-rtu://, modbus-rtu-tcp:// oder opc.tcp:// beginnen, z. B. modbus-tcp://192.168.1.20:502?unit=1',
    'error.device.refused': 'unter {address} nimmt kein Gerät Verbindungen an: prüfen Sie IP-Adresse und Port (Modbus TCP meist 502, OPC UA meist 4840) und ob das Gerät eingeschaltet ist',
    'error.device.unknownHost': 'der Rechnername „{host}“ ist nicht bekannt: prüfen Sie die Schreibweise oder geben Sie die IP-Adresse an',
    'error.device.unreachable': '{address} ist aus diesem Netz nicht erreichbar: prüfen Sie Netzwerkkabel, VLAN und Firewall',
    'error.device.closed': 'das Gerät hat die Verbindung sofort geschlossen; oft hält ein anderes Programm die einzige erlaubte Verbindung: trennen Sie es oder nutzen Sie ein Gateway',
    'error.device.timeout': 'das Gerät hat nicht innerhalb von {ms} ms geantwortet: prüfen Sie die Geräteadresse (unit=) und bei RS-485 Verdrahtung, Baudrate und Abschlusswiderstand',
    'error.modbus.illegalAddress': 'das Gerät kennt ein Register des Profils nicht (Modbus-Ausnahme 2): geben Sie mit --profile das Profil an, das zum Zähler passt',
    'error.modbus.exception': 'das Gerät hat mit der Modbus-Ausnahme {code} ({name}) geantwortet: prüfen Sie Profil (--profile) und Geräteadresse (unit=)',
    'error.opcua.login': 'der OPC-UA-Server hat die Anmeldung abgelehnt: prüfen Sie --user und --password-file (oder lassen Sie beide weg, wenn der Server anonyme Anmeldung erlaubt)',
    'error.opcua.certificate': 'dem Zertifikat des OPC-UA-Servers wird noch nicht vertraut: prüfen Sie seinen Fingerabdruck und vertrauen Sie ihm (docs/opcua.md)',
    'error.report.noChromium': 'ein PDF-Bericht braucht Chromium: installieren Sie es (z. B. apt-get install chromium) oder nennen Sie es mit PLUSTWIN_CHROMIUM; XLSX und CSV gehen ohne',
    'error.import.json': '{file}, Zeile {line}, Spalte {column}: kein gültiges JSON ({problem}); korrigieren Sie die Datei oder exportieren Sie sie erneut',
    'error.import.format': '{file} ist weder CityGML noch GeoJSON: importieren Sie eine .gml- oder .geojson-Datei',
    'error.import.empty': '{file} ist leer',
    'error.import.tooLarge': '{file} ist größer als {limitMb} MB: teilen Sie sie in Kacheln auf',
    'error.import.noBuildings': '{file} enthält kein Gebäude',
    'error.import.problem': '{where}: {problem}',
    'error.tariff.csv': 'die Preisdatei hat {count} fehlerhafte Zeilen; es wurde nichts gespeichert',
  },
  en: {
    'error.sunspec.notFound': "no SunSpec device found at registers {registers}: give the meter's profile with --profile (profiles: drivers/profiles/devices/, docs/devices.md)",
    'error.address.scheme': 'the address must start with modbus-tcp://, modbus-rtu://, modbus-rtu-tcp:// or opc.tcp://, e.g. modbus-tcp://192.168.1.20:502?unit=1',
    'error.device.refused': 'no device accepts connections at {address}: check the IP address and port (Modbus TCP usually 502, OPC UA usually 4840) and that the device is on',
    'error.device.unknownHost': 'the host name "{host}" is not known: check its spelling or give the IP address',
    'error.device.unreachable': '{address} cannot be reached from this network: check the cable, VLAN and firewall',
    'error.device.closed': 'the device closed the connection at once; often another program holds its only allowed connection: disconnect it or use a gateway',
    'error.device.timeout': 'the device did not answer within {ms} ms: check the device address (unit=) and, on RS-485, the wiring, baud rate and termination',
    'error.modbus.illegalAddress': 'the device does not know a register of the profile (Modbus exception 2): give the profile that fits the meter with --profile',
    'error.modbus.exception': 'the device answered with Modbus exception {code} ({name}): check the profile (--profile) and the device address (unit=)',
    'error.opcua.login': 'the OPC UA server refused the login: check --user and --password-file (or leave both out if the server allows anonymous login)',
    'error.opcua.certificate': "the OPC UA server's certificate is not trusted yet: check its thumbprint and trust it (docs/opcua.md)",
    'error.report.noChromium': 'a PDF report needs a Chromium: install one (e.g. apt-get install chromium) or name it with PLUSTWIN_CHROMIUM; XLSX and CSV work without',
    'error.import.json': '{file}, line {line}, column {column}: not valid JSON ({problem}); correct the file or export it again',
    'error.import.format': '{file} is neither CityGML nor GeoJSON: import a .gml or .geojson file',
    'error.import.empty': '{file} is empty',
    'error.import.tooLarge': '{file} is larger than {limitMb} MB: split it into tiles',
    'error.import.noBuildings': '{file} holds no building',
    'error.import.problem': '{where}: {problem}',
    'error.tariff.csv': 'the price file has {count} bad rows; nothing was stored',
  },
});
