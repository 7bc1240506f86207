export * from './csv-text.js';
export * from './try-weather.js';
export * from './profile-csv.js';
export * from './typical-year.js';
