/**
 * A history CSV's bad and doubtful lines (models/history-line-codes.ts) in the UI's words, spread into messages.ts;
 * each follows "Zeile N:" / "Line N:" and names the next step where there is one.
 */
export const historyProblemMessagesDe = {
  'history.problem.noTimeColumn': 'die Kopfzeile hat keine Datums- oder Zeitspalte: nennen Sie sie z. B. „Datum“ und „Uhrzeit“ oder „Zeitstempel“',
  'history.problem.noValueColumn': 'keine Wertespalte gefunden: nennen Sie sie z. B. „Wert“, „kWh“ oder „Zählerstand“',
  'history.problem.unitIsPower': 'die Werte sind Energie (Zählerstände oder kWh je Viertelstunde), aber die Einheit {unit} misst Leistung: wählen Sie oben die Einheit oder die Art der Werte',
  'history.problem.unitIsEnergy': 'die Werte sind mittlere Leistungen je Viertelstunde, aber die Einheit {unit} misst Energie: wählen Sie oben die Einheit oder die Art der Werte',
  'history.problem.noDataLines': 'unter der Kopfzeile steht keine Datenzeile',
  'history.problem.columns': '{expected} Felder getrennt durch „{delimiter}“ erwartet, {found} gefunden',
  'history.problem.notDateTime': '„{value}“ ist kein Datum mit Uhrzeit (TT.MM.JJJJ hh:mm oder JJJJ-MM-TT hh:mm)',
  'history.problem.noLocalTime': '„{value}“ gibt es in Ortszeit nicht (Umstellung auf Sommerzeit um 02:00)',
  'history.problem.decimalPoint': 'der Wert „{value}“ hat einen Dezimalpunkt, die Datei schreibt aber Dezimalkommas: gemeint ist {suggestion}? Korrigieren Sie die Zeile oder das Zahlenformat der Datei',
  'history.problem.decimalComma': 'der Wert „{value}“ hat ein Dezimalkomma, die Datei schreibt aber Dezimalpunkte: gemeint ist {suggestion}? Korrigieren Sie die Zeile oder das Zahlenformat der Datei',
  'history.problem.notNumber': 'der Wert „{value}“ ist keine Zahl',
  'history.problem.notAfter': '„{value}“ liegt nicht nach der Zeile davor: sortieren Sie die Datei nach der Zeit und entfernen Sie doppelte Zeilen',
  'history.problem.offGrid': '„{value}“ liegt nicht im Viertelstundenraster (:00, :15, :30, :45)',
  'history.problem.negative': 'negativer Wert {value} in einem Lastgang',
  'history.problem.readingBackwards': 'der Zählerstand {value} ist kleiner als {previous} in Zeile {previousLine}: ein zurückgesetzter oder getauschter Zähler oder ein falscher Wert; seine Viertelstunden werden markiert, nicht bilanziert und zählen als fehlend',
  'history.problem.mixedMarks': 'die Datei mischt Dezimalzeichen: {count} Werte (Zeilen {lines}) nutzen das andere Zeichen; importiert wird erst, wenn sie korrigiert sind',
  'history.problem.implausible': '{count} Viertelstunden sind unplausibel (über {maxKw} kW in der Viertelstunde oder ein rückwärts laufender Zähler): importiert und markiert, nicht bilanziert, sie zählen als fehlend',
} as const;

export const historyProblemMessagesEn = {
  'history.problem.noTimeColumn': 'the header has no date or time column: name them e.g. "Date" and "Time" or "Timestamp"',
  'history.problem.noValueColumn': 'no value column found: name it e.g. "Value", "kWh" or "Reading"',
  'history.problem.unitIsPower': 'the values are energy (meter readings or kWh per quarter hour), but their unit {unit} measures power: choose the unit or the kind of values above',
  'history.problem.unitIsEnergy': 'the values are mean power per quarter hour, but their unit {unit} measures energy: choose the unit or the kind of values above',
  'history.problem.noDataLines': 'there is no data line below the header',
  'history.problem.columns': 'expected {expected} fields separated by "{delimiter}", found {found}',
  'history.problem.notDateTime': '"{value}" is not a date and time (dd.mm.yyyy hh:mm or yyyy-mm-dd hh:mm)',
  'history.problem.noLocalTime': '"{value}" does not exist in local time (the clocks go forward at 02:00)',
  'history.problem.decimalPoint': 'value "{value}" has a decimal point, but this file writes decimal commas: read as {suggestion}? Correct the line or the file\'s number format',
  'history.problem.decimalComma': 'value "{value}" has a decimal comma, but this file writes decimal points: read as {suggestion}? Correct the line or the file\'s number format',
  'history.problem.notNumber': 'value "{value}" is not a number',
  'history.problem.notAfter': '"{value}" is not after the line before: sort the file by time and remove repeated lines',
  'history.problem.offGrid': '"{value}" is not on the 15-minute grid (:00, :15, :30, :45)',
  'history.problem.negative': 'negative value {value} in a load profile',
  'history.problem.readingBackwards': 'meter reading {value} is below {previous} on line {previousLine}: a reset, a replaced meter or a wrong value; its quarter hours are flagged, left out of balances and count as missing',
  'history.problem.mixedMarks': 'the file mixes decimal marks: {count} values (lines {lines}) use the other mark; nothing is imported until they are corrected',
  'history.problem.implausible': '{count} quarter hours are implausible (above {maxKw} kW over the quarter hour, or a counter going backwards): imported and flagged, left out of balances and counted as missing',
} as const;
