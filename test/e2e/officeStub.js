/*
 * Stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the end-to-end
 * test: just enough of Office, Excel and CustomFunctions for the task pane and the custom
 * functions to run in a plain Chromium page, recording what they ask for in
 * window.__officeStub.
 *
 * - Office.onReady resolves with host Excel.
 * - Office.context.document.settings lives in memory and is written to localStorage on
 *   saveAsync, as a document's settings are written to the file: a reload reads them back.
 * - Excel.run hands out a small live workbook (sheets of cells, charts, a selection) whose
 *   "=MPS.*" formulas are evaluated with the functions the page associated, and spill.
 * - CustomFunctions.associate records each id.
 */
(function () {
  "use strict";
  var STORAGE = "officeStub.documentSettings";

  var stub = {
    associated: [],
    calculations: [],
    saves: 0,
    failNextSave: false,
    // While true, saveAsync waits for releaseSave() (a test looks at the pane mid-save).
    holdSaves: false,
    releaseSave: function () {},
    charts: [],
    functions: {},
  };
  window.__officeStub = stub;

  // ---- Office ------------------------------------------------------------------------
  var stored = {};
  try {
    stored = JSON.parse(window.localStorage.getItem(STORAGE) || "{}") || {};
  } catch {
    stored = {};
  }
  var settings = {
    get: function (name) {
      return Object.prototype.hasOwnProperty.call(stored, name) ? stored[name] : null;
    },
    set: function (name, value) {
      stored[name] = value;
    },
    remove: function (name) {
      delete stored[name];
    },
    saveAsync: function (options, callback) {
      var done = typeof options === "function" ? options : callback;
      var fail = stub.failNextSave;
      stub.failNextSave = false;
      function finish() {
        if (fail) {
          if (done) done({ status: "failed", error: { message: "The document is read-only." } });
          return;
        }
        window.localStorage.setItem(STORAGE, JSON.stringify(stored));
        stub.saves += 1;
        if (done) done({ status: "succeeded", value: undefined });
      }
      if (stub.holdSaves) {
        stub.releaseSave = function () {
          stub.releaseSave = function () {};
          finish();
        };
        return;
      }
      setTimeout(finish, 150);
    },
  };

  // A test may set window.__officeStubOptions (before this script runs) to vary the host.
  var options = window.__officeStubOptions || {};
  var readyInfo = { host: options.host || "Excel", platform: "PC" };
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      host: "Excel",
      document: { settings: settings },
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
      officeTheme: { bodyBackgroundColor: options.bodyBackgroundColor || "#ffffff" },
    },
    onReady: function (callback) {
      var ready = new Promise(function (resolve) {
        setTimeout(function () {
          resolve(readyInfo);
        }, 10);
      });
      if (callback) ready.then(callback);
      return ready;
    },
  };

  // ---- CustomFunctions ---------------------------------------------------------------
  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message || "";
  }
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "object") {
        Object.keys(id).forEach(function (key) {
          window.CustomFunctions.associate(key, id[key]);
        });
        return;
      }
      stub.associated.push(String(id).toUpperCase());
      stub.functions[String(id).toUpperCase()] = fn;
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  // ---- Excel: a tiny live workbook -----------------------------------------------------
  function columnIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n - 1;
  }
  function columnName(index) {
    var s = "";
    for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function parse(address) {
    var a = String(address).replace(/^.*!/, "").replace(/\$/g, "");
    var whole = /^([A-Z]+):([A-Z]+)$/i.exec(a);
    if (whole) return { row: 0, column: columnIndex(whole[1]), rows: 1048576, columns: columnIndex(whole[2]) - columnIndex(whole[1]) + 1 };
    var m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
    if (!m) throw new Error("Stub cannot parse address " + address);
    var r1 = Number(m[2]) - 1, c1 = columnIndex(m[1]);
    var r2 = m[4] ? Number(m[4]) - 1 : r1, c2 = m[3] ? columnIndex(m[3]) : c1;
    return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
  }
  function format(box) {
    var start = columnName(box.column) + (box.row + 1);
    if (box.rows === 1 && box.columns === 1) return start;
    return start + ":" + columnName(box.column + box.columns - 1) + (box.row + box.rows);
  }
  function quote(name) {
    return "'" + name.replace(/'/g, "''") + "'";
  }

  var book = { sheets: [], active: null, selection: null };
  function newSheet(name) {
    var sheet = { name: name, cells: {}, spills: {}, charts: [] };
    book.sheets.push(sheet);
    return sheet;
  }
  book.active = newSheet("Sheet1");
  book.selection = { sheet: book.active, box: parse("A1") };
  stub.book = book;

  function key(r, c) {
    return r + "," + c;
  }
  function cellValue(sheet, r, c) {
    var cell = sheet.cells[key(r, c)];
    return cell ? cell.value : "";
  }
  function read(sheet, box) {
    var rows = [];
    for (var r = 0; r < box.rows; r++) {
      var row = [];
      for (var c = 0; c < box.columns; c++) row.push(cellValue(sheet, box.row + r, box.column + c));
      rows.push(row);
    }
    return rows;
  }
  function write(sheet, box, grid, asFormulas) {
    for (var r = 0; r < box.rows; r++) {
      for (var c = 0; c < box.columns; c++) {
        var v = grid[r][c];
        var isFormula = asFormulas && typeof v === "string" && v.charAt(0) === "=";
        sheet.cells[key(box.row + r, box.column + c)] = isFormula ? { formula: v, value: "" } : { value: v };
      }
    }
    calculate();
  }
  function argument(sheet, text) {
    var t = text.trim();
    if (t === "") return null;
    if (/^"/.test(t)) return t.slice(1, -1);
    if (!isNaN(Number(t))) return Number(t);
    var box = parse(t);
    if (box.rows === 1 && box.columns === 1) {
      var v = cellValue(sheet, box.row, box.column);
      return v === "" ? null : v;
    }
    return read(sheet, box);
  }
  function evaluate(sheet, r, c, cell) {
    var m = /^=MPS\.([A-Z]+)\((.*)\)$/i.exec(cell.formula);
    var old = sheet.spills[key(r, c)];
    if (old) {
      for (var i = 0; i < old.rows; i++)
        for (var j = 0; j < old.columns; j++) if (i || j) delete sheet.cells[key(r + i, c + j)];
      delete sheet.spills[key(r, c)];
    }
    var fn = m && stub.functions[m[1].toUpperCase()];
    if (!fn) {
      cell.value = "#NAME?";
      return;
    }
    var result;
    try {
      result = fn.apply(null, m[2].split(",").map(function (a) { return argument(sheet, a); }));
    } catch (error) {
      cell.value = (error && error.code) || "#VALUE!";
      cell.error = error && error.message;
      return;
    }
    if (!Array.isArray(result)) {
      cell.value = result;
      return;
    }
    sheet.spills[key(r, c)] = { rows: result.length, columns: result[0].length };
    for (var y = 0; y < result.length; y++) {
      for (var x = 0; x < result[y].length; x++) {
        if (y === 0 && x === 0) cell.value = result[0][0];
        else sheet.cells[key(r + y, c + x)] = { value: result[y][x], spilledFrom: key(r, c) };
      }
    }
  }
  function calculate() {
    book.sheets.forEach(function (sheet) {
      Object.keys(sheet.cells).forEach(function (k) {
        var cell = sheet.cells[k];
        if (cell && cell.formula) {
          var rc = k.split(",").map(Number);
          evaluate(sheet, rc[0], rc[1], cell);
        }
      });
    });
  }

  function nullObject() {
    return { isNullObject: true, load: function () { return this; } };
  }
  function rangeObject(sheet, box) {
    var range = {
      isNullObject: false,
      load: function () { return range; },
      get address() { return quote(sheet.name) + "!" + format(box); },
      get rowCount() { return box.rows; },
      get columnCount() { return box.columns; },
      get values() { return read(sheet, box); },
      set values(grid) { write(sheet, box, grid, false); },
      get formulas() { return read(sheet, box); },
      set formulas(grid) { write(sheet, box, grid, true); },
      get worksheet() { return sheetObject(sheet); },
      format: { font: {}, columnWidth: 0 },
      getCell: function (r, c) {
        return rangeObject(sheet, { row: box.row + r, column: box.column + c, rows: 1, columns: 1 });
      },
      getSpillingToRangeOrNullObject: function () {
        var spill = sheet.spills[key(box.row, box.column)];
        return spill ? rangeObject(sheet, { row: box.row, column: box.column, rows: spill.rows, columns: spill.columns }) : nullObject();
      },
      getSpillingToRange: function () {
        var spill = range.getSpillingToRangeOrNullObject();
        if (spill.isNullObject) throw new Error("ItemNotFound");
        return spill;
      },
      getSpillParentOrNullObject: function () {
        var cell = sheet.cells[key(box.row, box.column)];
        var from = cell && (cell.spilledFrom || (sheet.spills[key(box.row, box.column)] && key(box.row, box.column)));
        if (!from) return nullObject();
        var rc = from.split(",").map(Number);
        return rangeObject(sheet, { row: rc[0], column: rc[1], rows: 1, columns: 1 });
      },
    };
    return range;
  }
  function chartObject(sheet, type, source, seriesBy) {
    var record = { sheet: sheet.name, type: type, seriesBy: seriesBy, title: "", position: null, series: [] };
    function seriesObject(entry) {
      return {
        get name() { return entry.name; },
        set name(value) { entry.name = value; },
        setValues: function (range) { entry.address = range.address; },
        setXAxisValues: function (range) { entry.categories = range.address; },
      };
    }
    record.series.push({ name: "Series1", address: source.address });
    sheet.charts.push(record);
    stub.charts.push(record);
    return {
      title: {
        get text() { return record.title; },
        set text(value) { record.title = value; },
      },
      series: {
        getItemAt: function (i) { return seriesObject(record.series[i]); },
        add: function (name) {
          var entry = { name: name, address: null };
          record.series.push(entry);
          return seriesObject(entry);
        },
      },
      setPosition: function (start, end) { record.position = [start, end]; },
      load: function () { return this; },
    };
  }
  function sheetObject(sheet) {
    return {
      isNullObject: false,
      load: function () { return this; },
      get name() { return sheet.name; },
      getRange: function (address) { return rangeObject(sheet, parse(address)); },
      activate: function () {
        book.active = sheet;
        book.selection = { sheet: sheet, box: parse("A1") };
      },
      charts: {
        add: function (type, source, seriesBy) { return chartObject(sheet, type, source, seriesBy); },
      },
    };
  }
  function findSheet(name) {
    var lower = String(name).toLowerCase();
    return book.sheets.filter(function (s) { return s.name.toLowerCase() === lower; })[0];
  }

  window.Excel = {
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    ChartType: { line: "Line" },
    ChartSeriesBy: { auto: "Auto", rows: "Rows", columns: "Columns" },
    run: function (batch) {
      var context = {
        sync: function () { return new Promise(function (resolve) { setTimeout(resolve, 5); }); },
        workbook: {
          application: {
            calculate: function (type) {
              stub.calculations.push(type);
              calculate();
            },
          },
          worksheets: {
            load: function () { return this; },
            get items() { return book.sheets.map(sheetObject); },
            add: function (name) {
              if (findSheet(name)) throw new Error("A sheet named " + name + " already exists.");
              return sheetObject(newSheet(name));
            },
            getItemOrNullObject: function (name) {
              var sheet = findSheet(name);
              return sheet ? sheetObject(sheet) : nullObject();
            },
          },
          getSelectedRange: function () {
            return rangeObject(book.selection.sheet, book.selection.box);
          },
        },
      };
      return Promise.resolve().then(function () { return batch(context); });
    },
  };

  /** For the test: select a range on a sheet, as a planner would click it. */
  stub.select = function (sheetName, address) {
    book.selection = { sheet: findSheet(sheetName), box: parse(address) };
  };
  /** For the test: the values of a range. */
  stub.read = function (sheetName, address) {
    return read(findSheet(sheetName), parse(address));
  };
  stub.sheetNames = function () {
    return book.sheets.map(function (s) { return s.name; });
  };
})();
