// Build of the add-in, laid out like the official Excel custom-functions (shared runtime) and
// React task-pane templates: functions.js + functions.json, taskpane.html loading both bundles,
// and manifest.xml copied with its URLs pointed at the production origin.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { httpsOptions } = require("./scripts/https");
const { renderHelpPage } = require("./scripts/helpPage");

const urlDev = "https://localhost:3000/";

/** An error webpack-cli prints as the message alone: a setup problem, not a crash to trace. */
function setupError(message) {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/**
 * Where the production build will be hosted: ADDIN_PROD_URL, which a production build must be
 * given. Without it the manifest would point Office at a host that serves nothing, and the
 * add-in would install and then fail to load; so the build stops and says what to set.
 */
function productionUrl() {
  const value = (process.env.ADDIN_PROD_URL || "").trim();
  const example = "ADDIN_PROD_URL=https://your.host/mps/ npm run build";
  if (!value) {
    throw setupError(
      "ADDIN_PROD_URL is not set. A production build points every URL in manifest.xml and " +
        `functions.json at the https origin that will host dist/, for example: ${example}. ` +
        "For a local build that keeps https://localhost:3000/, run npm run build:dev (npm start needs nothing).",
    );
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw setupError(`ADDIN_PROD_URL is not a URL (${JSON.stringify(value)}). Example: ${example}`);
  }
  if (url.protocol !== "https:" || url.hostname === "localhost" || url.search || url.hash) {
    throw setupError(
      `ADDIN_PROD_URL must be the https origin (and path) that will host dist/, not ${JSON.stringify(value)}: ` +
        `Office loads add-ins only over https, and localhost is the development server. Example: ${example}`,
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces every dev URL, with or without a path (a string pattern would replace only the first). */
function toProduction(content, urlProd) {
  return content.toString().split(urlDev).join(urlProd).split(urlDev.slice(0, -1)).join(urlProd.slice(0, -1));
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const urlProd = dev ? urlDev : productionUrl();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also hosts the custom functions.
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : toProduction(content, urlProd)),
          },
        ],
      }),
      {
        // help.html from functions.json; then, in production, help URLs to the production origin.
        apply(compiler) {
          const { Compilation, sources } = compiler.webpack;
          compiler.hooks.thisCompilation.tap("HelpAndUrls", (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: "HelpAndUrls", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () => {
                const asset = compilation.getAsset("functions.json");
                if (!asset) return;
                const json = asset.source.source().toString();
                compilation.emitAsset("help.html", new sources.RawSource(renderHelpPage(JSON.parse(json))));
                if (!dev) compilation.updateAsset("functions.json", new sources.RawSource(toProduction(json, urlProd)));
              },
            );
          });
        },
      },
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await httpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};
