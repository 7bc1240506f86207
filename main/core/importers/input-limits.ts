/**
 * The largest inputs the building importers take, each refused (or, for names, shortened) with a message that
 * names it. They bound memory: a file that is one 200 MB line, or one feature with a 200 MB name, is refused as
 * soon as the limit is passed, never parsed whole.
 */

/** A GeoJSON file: its features are held until the file's end (the "crs" member may come last). */
export const MAX_GEOJSON_BYTES = 512 * 2 ** 20;
/** A CityGML file is streamed one building at a time; NRW's LoD2 tiles are about 10-100 MB. */
export const MAX_CITYGML_BYTES = 2 * 2 ** 30;
/**
 * Text between two tags of a CityGML file (a posList, a name): the XML parser holds it whole until the next tag.
 * A roof of 100,000 vertices is about 4 MB of posList.
 */
export const MAX_XML_TEXT_CHARS = 16 * 2 ** 20;
/** Coordinates (numbers) of one CityGML building: 2 million numbers are 16 MB as doubles, 660,000 vertices. */
export const MAX_BUILDING_NUMBERS = 2_000_000;
/** One GeoJSON feature as text: a footprint with 10,000 vertices is about 0.5 MB. */
export const MAX_FEATURE_CHARS = 4 * 2 ** 20;
/** Everything in a GeoJSON file outside its features (type, crs, name, bbox). */
export const MAX_SKELETON_CHARS = 1 * 2 ** 20;
/** A building's name or address; longer ones are shortened with a warning. */
export const MAX_NAME_CHARS = 200;
/**
 * Building height, m. The tallest building, the Burj Khalifa, is 828 m (CTBUH, skyscrapercenter.com); a value
 * beyond 1,000 m is a unit or typing error, and 1e308 would overflow every volume computed from it.
 */
export const MAX_HEIGHT_M = 1_000;
/** Storeys above ground: the Burj Khalifa has 163 (CTBUH). */
export const MAX_STOREYS = 300;

export const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
