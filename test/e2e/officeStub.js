/*
 * Stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the end-to-end
 * test: enough of Office, Excel and CustomFunctions for the task pane and the custom functions
 * to run in a plain Chromium page, as strict as real Excel where our code could go wrong, and
 * recording what they ask for in window.__officeStub. Each behaviour cites the Microsoft page
 * that describes it.
 *
 * - Office starts late (`readyAfterMs`, or held until `__officeStub.startOffice()`), and
 *   `Office.context` does not exist before then: "an Office Add-in can't successfully call any
 *   Office JavaScript APIs until the library has been loaded"
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in).
 * - Document settings: an in-memory copy, written to the document (localStorage, so a reload
 *   reads them back) by saveAsync. Another author's save (`__officeStub.coauthorSaves`) changes
 *   the document and fires settingsChanged; the in-memory copy changes only on refreshAsync
 *   (https://learn.microsoft.com/javascript/api/office/office.settings: refreshAsync "reads all
 *   settings persisted in the document and refreshes the ... copy of those settings held in
 *   memory"; settingsChanged fires in Excel on the web when co-authoring,
 *   https://learn.microsoft.com/javascript/api/office/office.settingschangedeventargs).
 * - Excel.run hands out proxies: a property reads only after load() and context.sync(), and
 *   holds its value as of that sync; earlier it throws PropertyNotLoaded; isNullObject is set at
 *   every sync (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
 * - The workbook evaluates its "=MPS.*" formulas with the functions the page associated, and
 *   spills them. A function's error message is shown only for #VALUE! and #N/A
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 * - A blank cell reaches a function as 0 on desktop (`platform: "PC"`) and as null on the web
 *   (`platform: "OfficeOnline"`) (OfficeDev/office-js#4702; ranges too, office-js#5262).
 * - Calculation mode: in "Manual", writes recalculate nothing but the formulas entered, until
 *   F9 (`__officeStub.pressF9()`) or an add-in asks (Application/Worksheet/Range.calculate)
 *   (https://learn.microsoft.com/javascript/api/excel/excel.calculationmode: "Calculations only
 *   occur when the user or add-in requests them").
 * - Requirement sets: ExcelApi up to `excelApi` (default 1.12).
 * - Charts record what the add-in asks for: type, series (values, categories) and, for a combo
 *   chart, a series drawn as another type (ChartSeries.chartType, ExcelApi 1.7,
 *   https://learn.microsoft.com/javascript/api/excel/excel.chartseries#excel-excel-chartseries-charttype-member).
 * - Worksheet calculation fires WorksheetCollection.onCalculated (ExcelApi 1.8) once per sheet
 *   calculated, after the calculation, asynchronously, as Excel raises events
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-oncalculated-member);
 *   a handler is removed with `remove()` in the context it was added in, `Excel.run(handler.context, batch)`
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
 * - Range.select and Worksheet.activate take effect at the next sync, like every queued command;
 *   `__officeStub.selection()` says what is selected ("MPS sample!B17").
 * - Conditional formats on a range are recorded (`__officeStub.conditionalFormats`), not drawn:
 *   `conditionalFormats.add(type)` returns a format whose `custom.rule.formula` and
 *   `custom.format.fill/font.color` are set, and `getCount()` returns a ClientResult whose
 *   `value` reads only after the next sync (ExcelApi 1.6,
 *   https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection;
 *   https://learn.microsoft.com/javascript/api/office/officeextension.clientresult: a method's
 *   result, whose value is there once context.sync() has run).
 */
(function () {
  "use strict";
  var STORAGE = "officeStub.documentSettings";
  // A test may set window.__officeStubOptions (before this script runs) to vary the host.
  var options = window.__officeStubOptions || {};
  var platform = options.platform || "PC";

  var stub = {
    associated: [],
    /** Calculations asked for: "Application:<type>", "Worksheet:<name>", "Range:<address>", "F9". */
    calculations: [],
    saves: 0,
    refreshes: 0,
    failNextSave: false,
    // While true, saveAsync waits for releaseSave() (a test looks at the pane mid-save).
    holdSaves: false,
    releaseSave: function () {},
    charts: [],
    /** Conditional formats added: { sheet, address, type, formula, fill, font }. */
    conditionalFormats: [],
    functions: {},
    ready: false,
    calculationMode: options.calculationMode || "Automatic",
  };
  window.__officeStub = stub;

  // ---- Office ------------------------------------------------------------------------
  function readDocument() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE) || "{}") || {};
    } catch {
      return {};
    }
  }
  var memory = readDocument(); // the add-in's in-memory copy of the document settings
  var settingsHandlers = [];
  var settings = {
    get: function (name) {
      return Object.prototype.hasOwnProperty.call(memory, name) ? memory[name] : null;
    },
    set: function (name, value) {
      memory[name] = value;
    },
    remove: function (name) {
      delete memory[name];
    },
    saveAsync: function (opts, callback) {
      var done = typeof opts === "function" ? opts : callback;
      var fail = stub.failNextSave;
      stub.failNextSave = false;
      function finish() {
        if (fail) {
          if (done) done({ status: "failed", error: { message: "The document is read-only." } });
          return;
        }
        window.localStorage.setItem(STORAGE, JSON.stringify(memory));
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
    refreshAsync: function (callback) {
      setTimeout(function () {
        memory = readDocument();
        stub.refreshes += 1;
        if (callback) callback({ status: "succeeded", value: settings });
      }, 20);
    },
    addHandlerAsync: function (type, handler, opts, callback) {
      var done = typeof opts === "function" ? opts : callback;
      if (type === "settingsChanged") settingsHandlers.push(handler);
      if (done) done({ status: "succeeded" });
    },
  };

  /** For the test: another author saves `value` under `name` (Excel on the web, co-authoring). */
  stub.coauthorSaves = function (name, value) {
    var document = readDocument();
    document[name] = value;
    window.localStorage.setItem(STORAGE, JSON.stringify(document));
    settingsHandlers.forEach(function (handler) {
      handler({ type: "settingsChanged", settings: settings });
    });
  };

  var excelApi = String(options.excelApi || "1.12").split(".").map(Number);
  var officeContext = {
    host: "Excel",
    platform: platform,
    document: { settings: settings },
    requirements: {
      isSetSupported: function (name, version) {
        if (name !== "ExcelApi") return false;
        var v = String(version || "1.1").split(".").map(Number);
        return v[0] < excelApi[0] || (v[0] === excelApi[0] && v[1] <= excelApi[1]);
      },
    },
    officeTheme: { bodyBackgroundColor: options.bodyBackgroundColor || "#ffffff" },
  };
  var readyInfo = { host: options.host || "Excel", platform: platform };
  var startOffice;
  var officeStarted = new Promise(function (resolve) {
    startOffice = function () {
      stub.ready = true;
      resolve(readyInfo);
    };
  });
  stub.startOffice = startOffice;
  if (!options.holdReady) setTimeout(startOffice, options.readyAfterMs === undefined ? 50 : options.readyAfterMs);

  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { SettingsChanged: "settingsChanged" },
    onReady: function (callback) {
      if (callback) officeStarted.then(callback);
      return officeStarted;
    },
  };
  Object.defineProperty(window.Office, "context", {
    get: function () {
      return stub.ready ? officeContext : undefined;
    },
  });

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
    // Prepended by the test from test/setup/customFunctionsErrorCodes.json, which the jest globals load too.
    ErrorCode: window.__customFunctionsErrorCodes,
  };
  /** The only error codes whose custom message Excel shows (custom-functions-errors). */
  var MESSAGE_CODES = { "#VALUE!": true, "#N/A": true };

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
  /** Values as the API returns them: "" for a blank cell. */
  function read(sheet, box) {
    var rows = [];
    for (var r = 0; r < box.rows; r++) {
      var row = [];
      for (var c = 0; c < box.columns; c++) row.push(cellValue(sheet, box.row + r, box.column + c));
      rows.push(row);
    }
    return rows;
  }
  /** Formulas as the API returns them: the formula of a formula cell, else its value. */
  function readFormulas(sheet, box) {
    var rows = [];
    for (var r = 0; r < box.rows; r++) {
      var row = [];
      for (var c = 0; c < box.columns; c++) {
        var cell = sheet.cells[key(box.row + r, box.column + c)];
        row.push(cell ? (cell.formula !== undefined ? cell.formula : cell.value) : "");
      }
      rows.push(row);
    }
    return rows;
  }
  /** A blank cell as a custom function receives it: 0 on desktop, null on the web. */
  function blankForFunctions() {
    return platform === "OfficeOnline" ? null : 0;
  }
  function write(sheet, box, grid, asFormulas) {
    var entered = [];
    for (var r = 0; r < box.rows; r++) {
      for (var c = 0; c < box.columns; c++) {
        var v = grid[r][c];
        var isFormula = asFormulas && typeof v === "string" && v.charAt(0) === "=";
        var k = key(box.row + r, box.column + c);
        sheet.cells[k] = isFormula ? { formula: v, value: "" } : { value: v };
        if (isFormula) entered.push(k);
      }
    }
    if (stub.calculationMode === "Manual") {
      // Only what was entered is calculated; the rest waits for F9.
      if (entered.length) calculated(sheet);
      entered.forEach(function (k) {
        var rc = k.split(",").map(Number);
        evaluate(sheet, rc[0], rc[1], sheet.cells[k]);
      });
    } else {
      calculateAll();
    }
  }
  function argument(sheet, text) {
    var t = text.trim();
    if (t === "") return null; // an omitted argument: null on every platform
    if (/^"/.test(t)) return t.slice(1, -1);
    if (!isNaN(Number(t))) return Number(t);
    var box = parse(t);
    var grid = read(sheet, box).map(function (row) {
      return row.map(function (v) {
        return v === "" ? blankForFunctions() : v;
      });
    });
    return box.rows === 1 && box.columns === 1 ? grid[0][0] : grid;
  }
  function clearSpill(sheet, r, c) {
    var old = sheet.spills[key(r, c)];
    if (!old) return;
    for (var i = 0; i < old.rows; i++)
      for (var j = 0; j < old.columns; j++) if (i || j) delete sheet.cells[key(r + i, c + j)];
    delete sheet.spills[key(r, c)];
  }
  function evaluate(sheet, r, c, cell) {
    var m = /^=MPS\.([A-Z]+)\((.*)\)$/i.exec(cell.formula);
    clearSpill(sheet, r, c);
    delete cell.message;
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
      if (MESSAGE_CODES[cell.value] && error && error.message) cell.message = error.message;
      return;
    }
    if (result && typeof result.then === "function") {
      cell.value = "#BUSY!";
      result.then(
        function (value) {
          place(sheet, r, c, cell, value);
        },
        function (error) {
          cell.value = (error && error.code) || "#VALUE!";
          if (MESSAGE_CODES[cell.value] && error && error.message) cell.message = error.message;
        },
      );
      return;
    }
    place(sheet, r, c, cell, result);
  }
  function place(sheet, r, c, cell, result) {
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
  var calculatedHandlers = [];
  /** Excel raises WorksheetCalculated after a sheet is calculated, once the calculation is done. */
  function calculated(sheet) {
    if (calculatedHandlers.length === 0) return;
    setTimeout(function () {
      calculatedHandlers.slice().forEach(function (handler) {
        handler({ type: "WorksheetCalculated", worksheetId: sheet.name });
      });
    }, 0);
  }
  function calculateSheet(sheet) {
    calculated(sheet);
    Object.keys(sheet.cells).forEach(function (k) {
      var cell = sheet.cells[k];
      if (cell && cell.formula) {
        var rc = k.split(",").map(Number);
        evaluate(sheet, rc[0], rc[1], cell);
      }
    });
  }
  function calculateAll() {
    book.sheets.forEach(calculateSheet);
  }
  function calculateBox(sheet, box) {
    calculated(sheet);
    for (var r = 0; r < box.rows; r++) {
      for (var c = 0; c < box.columns; c++) {
        var cell = sheet.cells[key(box.row + r, box.column + c)];
        if (cell && cell.formula) evaluate(sheet, box.row + r, box.column + c, cell);
      }
    }
  }

  // ---- Proxies: load() and sync() before reading --------------------------------------
  function propertyNotLoaded(name) {
    var error = new Error(
      "The property '" + name + "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    );
    error.code = "PropertyNotLoaded";
    return error;
  }
  /**
   * A proxy of one request context: `fields` maps each property to a function giving its value
   * now (asked only at a sync, so a whole-column range costs nothing until read); each is read
   * through load() + sync(). `members` (methods, navigation properties) are used directly.
   * `collections` names navigation properties whose "name/property" paths load() accepts.
   */
  function proxy(ctx, fields, members, collections) {
    var loaded = {};
    var pending = {};
    var synced = false;
    var object = members || {};
    object.load = function (what) {
      var names = what === undefined ? Object.keys(fields) : typeof what === "string" ? what.split(",") : what;
      names.forEach(function (raw) {
        var name = String(raw).trim();
        if (!name) return;
        var slash = name.indexOf("/");
        if (slash > 0) {
          var head = name.slice(0, slash);
          var target = collections && collections[head];
          if (!target) throw new Error("Stub cannot load " + name);
          target(name.slice(slash + 1));
          if (head in fields) pending[head] = true;
          return;
        }
        if (!(name in fields)) throw new Error("Stub: no property " + name + " to load");
        pending[name] = true;
      });
      return object;
    };
    ctx.objects.push({
      commit: function () {
        synced = true;
        Object.keys(pending).forEach(function (name) {
          loaded[name] = fields[name]();
        });
        pending = {};
      },
    });
    Object.keys(fields).forEach(function (name) {
      if (name in object) return;
      Object.defineProperty(object, name, {
        get: function () {
          if (name === "isNullObject") {
            if (!synced) throw propertyNotLoaded(name);
            return fields.isNullObject();
          }
          if (!Object.prototype.hasOwnProperty.call(loaded, name)) throw propertyNotLoaded(name);
          return loaded[name];
        },
        set: function (value) {
          var setter = members && members["set_" + name];
          if (!setter) throw new Error("Stub: property " + name + " is read-only");
          setter(value);
        },
      });
    });
    return object;
  }

  function constant(value) {
    return function () {
      return value;
    };
  }
  /** A ClientResult of this request context: `value` reads only after the next sync. */
  function clientResult(ctx, compute) {
    var result = { synced: false, value: undefined };
    ctx.objects.push({
      commit: function () {
        if (result.synced) return;
        result.synced = true;
        result.value = compute();
      },
    });
    return {
      get value() {
        if (!result.synced) throw propertyNotLoaded("value");
        return result.value;
      },
    };
  }
  /** The conditional formats of a range: counted and added as ExcelApi 1.6 does, recorded for the test. */
  function conditionalFormatsObject(ctx, sheet, box) {
    var address = format(box);
    function onRange() {
      return stub.conditionalFormats.filter(function (f) { return f.sheet === sheet.name && f.address === address; });
    }
    return {
      getCount: function () {
        return clientResult(ctx, function () { return onRange().length; });
      },
      add: function (type) {
        var record = { sheet: sheet.name, address: address, type: type, formula: null, fill: null, font: null };
        stub.conditionalFormats.push(record);
        function colour(name) {
          return {
            get color() { return record[name]; },
            set color(value) { record[name] = value; },
          };
        }
        return {
          type: type,
          custom: {
            rule: {
              get formula() { return record.formula; },
              set formula(value) { record.formula = value; },
            },
            format: { fill: colour("fill"), font: colour("font") },
          },
        };
      },
    };
  }
  /** What an *OrNullObject method returns when there is nothing: loads are accepted, only isNullObject reads. */
  function nullObject(ctx) {
    var object = proxy(ctx, { isNullObject: constant(true) }, {});
    object.load = function () {
      return object;
    };
    return object;
  }
  /** A command queued in a request context: it happens at the next sync, as Excel runs a batch. */
  function atSync(ctx, command) {
    var done = false;
    ctx.objects.push({
      commit: function () {
        if (done) return;
        done = true;
        command();
      },
    });
  }
  function rangeObject(ctx, sheet, box) {
    var range = proxy(
      ctx,
      {
        isNullObject: constant(false),
        address: function () { return quote(sheet.name) + "!" + format(box); },
        rowCount: constant(box.rows),
        columnCount: constant(box.columns),
        values: function () { return read(sheet, box); },
        formulas: function () { return readFormulas(sheet, box); },
      },
      {
        set_values: function (grid) { write(sheet, box, grid, false); },
        set_formulas: function (grid) { write(sheet, box, grid, true); },
        format: { font: {}, columnWidth: 0 },
        conditionalFormats: conditionalFormatsObject(ctx, sheet, box),
        calculate: function () {
          stub.calculations.push("Range:" + quote(sheet.name) + "!" + format(box));
          calculateBox(sheet, box);
        },
        select: function () {
          atSync(ctx, function () {
            book.active = sheet;
            book.selection = { sheet: sheet, box: box };
          });
        },
        getCell: function (r, c) {
          return rangeObject(ctx, sheet, { row: box.row + r, column: box.column + c, rows: 1, columns: 1 });
        },
        getSpillingToRangeOrNullObject: function () {
          var spill = sheet.spills[key(box.row, box.column)];
          return spill ? rangeObject(ctx, sheet, { row: box.row, column: box.column, rows: spill.rows, columns: spill.columns }) : nullObject(ctx);
        },
        getSpillingToRange: function () {
          var spill = sheet.spills[key(box.row, box.column)];
          if (!spill) throw new Error("ItemNotFound");
          return rangeObject(ctx, sheet, { row: box.row, column: box.column, rows: spill.rows, columns: spill.columns });
        },
        getSpillParentOrNullObject: function () {
          var cell = sheet.cells[key(box.row, box.column)];
          var from = cell && (cell.spilledFrom || (sheet.spills[key(box.row, box.column)] && key(box.row, box.column)));
          if (!from) return nullObject(ctx);
          var rc = from.split(",").map(Number);
          return rangeObject(ctx, sheet, { row: rc[0], column: rc[1], rows: 1, columns: 1 });
        },
        getSpecialCellsOrNullObject: function (type) {
          if (type !== "Formulas") throw new Error("Stub supports only SpecialCellType.formulas");
          var areas = [];
          Object.keys(sheet.cells).forEach(function (k) {
            var rc = k.split(",").map(Number);
            var inside = rc[0] >= box.row && rc[0] < box.row + box.rows && rc[1] >= box.column && rc[1] < box.column + box.columns;
            if (inside && (sheet.cells[k].formula || sheet.cells[k].spilledFrom)) areas.push({ row: rc[0], column: rc[1], rows: 1, columns: 1 });
          });
          return rangeAreasObject(ctx, sheet, areas);
        },
      },
    );
    Object.defineProperty(range, "worksheet", { get: function () { return sheetObject(ctx, sheet); } });
    return range;
  }
  function rangeAreasObject(ctx, sheet, boxes) {
    var items = boxes.map(function (box) { return rangeObject(ctx, sheet, box); });
    var collection = proxy(ctx, { items: constant(items) }, {}, {
      items: function (path) {
        items.forEach(function (item) { item.load(path); });
      },
    });
    return proxy(ctx, { isNullObject: constant(boxes.length === 0) }, {
      areas: collection,
      calculate: function () {
        boxes.forEach(function (box) {
          stub.calculations.push("Range:" + quote(sheet.name) + "!" + format(box));
          calculateBox(sheet, box);
        });
      },
    });
  }
  function usedBox(sheet) {
    var keys = Object.keys(sheet.cells);
    if (keys.length === 0) return undefined;
    var rows = keys.map(function (k) { return Number(k.split(",")[0]); });
    var cols = keys.map(function (k) { return Number(k.split(",")[1]); });
    var r0 = Math.min.apply(null, rows), c0 = Math.min.apply(null, cols);
    return { row: r0, column: c0, rows: Math.max.apply(null, rows) - r0 + 1, columns: Math.max.apply(null, cols) - c0 + 1 };
  }
  function chartObject(sheet, type, source, seriesBy) {
    var record = { sheet: sheet.name, type: type, seriesBy: seriesBy, title: "", position: null, series: [] };
    function seriesObject(entry) {
      return {
        get name() { return entry.name; },
        set name(value) { entry.name = value; },
        get chartType() { return entry.chartType || record.type; },
        set chartType(value) { entry.chartType = value; },
        setValues: function (range) { entry.address = rangeAddress(range); },
        setXAxisValues: function (range) { entry.categories = rangeAddress(range); },
      };
    }
    record.series.push({ name: "Series1", address: rangeAddress(source) });
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
    };
  }
  /** What Excel knows of a range passed to a method: its address, loaded or not. */
  var addresses = new WeakMap();
  function rangeAddress(range) {
    return addresses.get(range);
  }
  function sheetObject(ctx, sheet) {
    var object = proxy(ctx, { isNullObject: constant(false), name: function () { return sheet.name; } }, {
      getRange: function (address) {
        var range = rangeObject(ctx, sheet, parse(address));
        addresses.set(range, quote(sheet.name) + "!" + format(parse(address)));
        return range;
      },
      getUsedRangeOrNullObject: function () {
        var box = usedBox(sheet);
        return box ? rangeObject(ctx, sheet, box) : nullObject(ctx);
      },
      calculate: function (markAllDirty) {
        stub.calculations.push("Worksheet:" + sheet.name + (markAllDirty ? " (all dirty)" : ""));
        calculateSheet(sheet);
      },
      activate: function () {
        atSync(ctx, function () {
          if (book.active === sheet) return;
          book.active = sheet;
          book.selection = { sheet: sheet, box: parse("A1") };
        });
      },
      charts: {
        add: function (type, source, seriesBy) { return chartObject(sheet, type, source, seriesBy); },
      },
    });
    return object;
  }
  function findSheet(name) {
    var lower = String(name).toLowerCase();
    return book.sheets.filter(function (s) { return s.name.toLowerCase() === lower; })[0];
  }

  window.Excel = {
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
    SpecialCellType: { formulas: "Formulas" },
    ChartType: { line: "Line", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", rows: "Rows", columns: "Columns" },
    ConditionalFormatType: { custom: "Custom" },
    run: function (first, second) {
      if (!stub.ready) return Promise.reject(new Error("Excel.run before Office.onReady"));
      // Excel.run(batch), or Excel.run(object, batch) to go on in the request context of an object from an earlier run.
      var batch = typeof first === "function" ? first : second;
      var ctx = typeof first === "function" ? { objects: [] } : first.context || first;
      if (!ctx.objects) throw new Error("Stub: Excel.run(object, batch) needs an object of an earlier request context");
      var items = function () { return book.sheets.map(function (sheet) { return sheetObject(ctx, sheet); }); };
      var sheetItems = [];
      var worksheets = proxy(ctx, { items: function () { return sheetItems; } }, {
        add: function (name) {
          if (findSheet(name)) throw new Error("A sheet named " + name + " already exists.");
          return sheetObject(ctx, newSheet(name));
        },
        getItemOrNullObject: function (name) {
          var sheet = findSheet(name);
          return sheet ? sheetObject(ctx, sheet) : nullObject(ctx);
        },
        getItem: function (name) {
          var sheet = findSheet(name);
          if (!sheet) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
          return sheetObject(ctx, sheet);
        },
        onCalculated: {
          add: function (handler) {
            if (!officeContext.requirements.isSetSupported("ExcelApi", "1.8")) throw new Error("onCalculated needs ExcelApi 1.8");
            var registration = { context: ctx };
            atSync(ctx, function () {
              calculatedHandlers.push(handler);
            });
            registration.remove = function () {
              atSync(registration.context, function () {
                calculatedHandlers = calculatedHandlers.filter(function (h) { return h !== handler; });
              });
            };
            return registration;
          },
        },
      }, {
        items: function (path) {
          sheetItems = items();
          sheetItems.forEach(function (item) { item.load(path); });
        },
      });
      var application = proxy(ctx, { calculationMode: function () { return stub.calculationMode; } }, {
        calculate: function (type) {
          stub.calculations.push("Application:" + type);
          calculateAll();
        },
      });
      var context = {
        sync: function () {
          ctx.objects.slice().forEach(function (object) { object.commit(); });
          return new Promise(function (resolve) { setTimeout(resolve, 5); });
        },
        workbook: {
          application: application,
          worksheets: worksheets,
          getSelectedRange: function () {
            return rangeObject(ctx, book.selection.sheet, book.selection.box);
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
  /** For the test: the values of a range (blank cells as ""). */
  stub.read = function (sheetName, address) {
    return read(findSheet(sheetName), parse(address));
  };
  /** For the test: enter values or formulas, as a planner types them. */
  stub.enter = function (sheetName, address, grid) {
    write(findSheet(sheetName), parse(address), grid, true);
  };
  /** For the test: the message Excel shows for a cell's error (only on #VALUE! and #N/A), if any. */
  stub.errorMessage = function (sheetName, address) {
    var box = parse(address);
    var cell = findSheet(sheetName).cells[key(box.row, box.column)];
    return cell && cell.message;
  };
  /** For the test: the planner presses F9 (recalculates the formulas of every open workbook). */
  stub.pressF9 = function () {
    stub.calculations.push("F9");
    calculateAll();
  };
  /** For the test: what is selected, "Sheet!A1" (the sheet as named, unquoted). */
  stub.selection = function () {
    return book.selection.sheet.name + "!" + format(book.selection.box);
  };
  /** For the test: how many onCalculated handlers are registered. */
  stub.calculatedHandlers = function () {
    return calculatedHandlers.length;
  };
  stub.sheetNames = function () {
    return book.sheets.map(function (s) { return s.name; });
  };
})();
