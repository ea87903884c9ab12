/**
 * Forecast health: how far forecasts have been from what was actually ordered (MAD, MAPE,
 * bias, tracking signal), and the safety stock that protects a service level against that
 * error. Errors are actual − forecast: positive means the forecast was too low.
 */
import { orderMessages } from "./messages";
import type { Result, Series } from "./types";
import { checkQuantity, checkRequired, checkSameLength, checkSeries, fail, isAbsent, ok, type Check } from "./validate";

export interface ForecastAccuracy {
  /** Periods of history compared. */
  periods: number;
  /** Mean absolute deviation: mean of |actual − forecast|. */
  mad: number;
  /** Mean absolute percentage error, in percent (12.5 means 12.5 %), over periods with actual > 0; null when there are none. */
  mape: number | null;
  /** Periods left out of MAPE because their actual is 0. */
  mapePeriodsLeftOut: number;
  /** Mean of actual − forecast: positive when the forecast runs low. */
  bias: number;
  /** Sum of actual − forecast (the running sum of forecast errors). */
  cumulativeError: number;
  /** cumulativeError / MAD; 0 when MAD is 0 (every error is then 0). */
  trackingSignal: number;
}

export interface SafetyStock {
  /** z × sigma × √leadTime, and 0 when that is negative (a service level below 50 %). */
  safetyStock: number;
  /** Standard normal quantile of the service level (Excel's NORM.S.INV). */
  z: number;
  /** Sample standard deviation of actual − forecast (Excel's STDEV.S). */
  sigma: number;
  /** Lead time used, in periods. */
  leadTime: number;
}

function checkHistories(forecastHistory: unknown, actualHistory: unknown): Check {
  const error =
    checkSeries(forecastHistory, "forecastHistory") ??
    checkSeries(actualHistory, "actualHistory") ??
    checkSameLength(forecastHistory as Series, "forecastHistory", actualHistory as Series, "actualHistory");
  if (error) return error;
  if ((forecastHistory as Series).length === 0) return { code: "VALUE", field: "forecastHistory", message: orderMessages.historyEmpty() };
  return undefined;
}

/**
 * Measure forecast accuracy over a history of forecasts and actual demand.
 *
 * With errors eₜ = actualₜ − forecastₜ over n periods: MAD = Σ|eₜ| / n; MAPE = 100 × mean of
 * |eₜ| / actualₜ over the periods with actual > 0 (the others are left out and counted);
 * bias = Σeₜ / n; tracking signal = Σeₜ / MAD, which stays within ±n and is commonly flagged
 * beyond ±4. A perfect history (MAD 0) has tracking signal 0.
 *
 * @param forecastHistory forecast per past period
 * @param actualHistory actual demand per past period (same length, at least one period)
 * @returns MAD, MAPE %, bias, cumulative error and tracking signal
 * @example
 * forecastAccuracy([100, 100, 100, 100, 100], [110, 95, 100, 115, 90]);
 * // errors 10, −5, 0, 15, −10 → MAD 40 / 5 = 8; bias 10 / 5 = 2; tracking signal 10 / 8 = 1.25
 * // MAPE (10/110 + 5/95 + 0/100 + 15/115 + 10/90) / 5 × 100 = 7.70 %
 */
export function forecastAccuracy(forecastHistory: Series, actualHistory: Series): Result<ForecastAccuracy> {
  const error = checkHistories(forecastHistory, actualHistory);
  if (error) return fail(error);
  const n = forecastHistory.length;
  let absolute = 0;
  let cumulative = 0;
  let percentage = 0;
  let counted = 0;
  for (let t = 0; t < n; t++) {
    const e = actualHistory[t] - forecastHistory[t];
    absolute += Math.abs(e);
    cumulative += e;
    if (actualHistory[t] > 0) {
      percentage += Math.abs(e) / actualHistory[t];
      counted++;
    }
  }
  const mad = absolute / n;
  return ok({
    periods: n,
    mad,
    mape: counted === 0 ? null : (100 * percentage) / counted,
    mapePeriodsLeftOut: n - counted,
    bias: cumulative / n,
    cumulativeError: cumulative,
    trackingSignal: mad === 0 ? 0 : cumulative / mad,
  });
}

/**
 * Safety stock for a service level from the history of forecast errors.
 *
 * safety stock = z(serviceLevel) × σ × √leadTime, with σ the sample standard deviation (n − 1)
 * of actual − forecast and z the standard normal quantile, as Excel's
 * `NORM.S.INV(serviceLevel) * STDEV.S(errors) * SQRT(leadTime)`. Below a 50 % service level z
 * is negative and the safety stock is 0.
 *
 * @param forecastHistory forecast per past period
 * @param actualHistory actual demand per past period (same length, at least two periods)
 * @param serviceLevel chance of not running out, strictly between 0 and 1 (0.95 for 95 %)
 * @param leadTime periods the stock must cover, 0 or more. @default 1
 * @returns the safety stock with the z and σ it comes from
 * @example
 * safetyStock([100, 100, 100, 100, 100], [110, 95, 100, 115, 90], 0.95, 4);
 * // errors 10, −5, 0, 15, −10: mean 2, σ = √(430 / 4) = 10.368; z(0.95) = 1.644854
 * // → 1.644854 × 10.368 × √4 = 34.11
 */
export function safetyStock(forecastHistory: Series, actualHistory: Series, serviceLevel: number, leadTime?: number | null): Result<SafetyStock> {
  const error =
    checkHistories(forecastHistory, actualHistory) ??
    checkRequired(serviceLevel, "serviceLevel") ??
    checkServiceLevel(serviceLevel) ??
    checkQuantity(leadTime, "leadTime");
  if (error) return fail(error);
  const n = forecastHistory.length;
  if (n < 2) return fail({ code: "VALUE", field: "forecastHistory", message: orderMessages.historyTooShort(n) });
  let mean = 0;
  for (let t = 0; t < n; t++) mean += actualHistory[t] - forecastHistory[t];
  mean /= n;
  let squares = 0;
  for (let t = 0; t < n; t++) {
    const deviation = actualHistory[t] - forecastHistory[t] - mean;
    squares += deviation * deviation;
  }
  const sigma = Math.sqrt(squares / (n - 1));
  const z = standardNormalQuantile(serviceLevel);
  const lead = isAbsent(leadTime) ? 1 : leadTime;
  return ok({ safetyStock: Math.max(0, z * sigma * Math.sqrt(lead)), z, sigma, leadTime: lead });
}

function checkServiceLevel(value: unknown): Check {
  const error = checkQuantity(value, "serviceLevel");
  if (error) return error;
  const level = value as number;
  if (level > 0 && level < 1) return undefined;
  return { code: "NUM", field: "serviceLevel", value: level, message: orderMessages.serviceLevel(level) };
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density. */
function density(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Standard normal distribution function Φ(x) for x ≤ 0, to about 1e-14 relative.
 *
 * Near the centre a series with positive terms only (Φ(x) = ½ + φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)),
 * no cancellation inside the sum); in the tail, where ½ minus that sum would cancel, the
 * continued fraction of Mills' ratio: Φ(−t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …)))).
 * @param x a number ≤ 0
 * @returns Φ(x)
 * @example lowerNormalCdf(-1.6448536269514722); // → 0.05
 */
export function lowerNormalCdf(x: number): number {
  if (x > -3) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let k = 1; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= x2 / (2 * k + 1);
      sum += term;
    }
    return 0.5 + density(x) * sum;
  }
  const t = -x;
  let fraction = t;
  for (let k = 120; k >= 1; k--) fraction = t + k / fraction;
  return density(x) / fraction;
}

// Acklam's rational approximations of the normal quantile (relative error below 1.15e-9).
const CENTRAL_NUMERATOR = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const CENTRAL_DENOMINATOR = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1, 1];
const TAIL_NUMERATOR = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const TAIL_DENOMINATOR = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1];
const TAIL_START = 0.02425;

function horner(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const c of coefficients) value = value * x + c;
  return value;
}

/**
 * Standard normal quantile: the z with Φ(z) = p, as Excel's `NORM.S.INV`, to about 1e-13.
 *
 * Acklam's rational approximation (1.15e-9 relative) refined by one Halley step on an
 * accurate Φ. Computed on the lower half, p ≤ ½: above it z(p) = −z(1 − p), and 1 − p is
 * exact there, so nothing is lost near 1.
 * @param p a probability strictly between 0 and 1 (NaN otherwise)
 * @returns z
 * @example standardNormalQuantile(0.95); // → 1.6448536269514722
 */
export function standardNormalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  if (p > 0.5) return -standardNormalQuantile(1 - p);
  let x: number;
  if (p < TAIL_START) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = horner(TAIL_NUMERATOR, q) / horner(TAIL_DENOMINATOR, q);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (q * horner(CENTRAL_NUMERATOR, r)) / horner(CENTRAL_DENOMINATOR, r);
  }
  const phi = density(x);
  if (phi === 0) return x; // beyond ~1e-300 the density underflows: the approximation stands
  const u = (lowerNormalCdf(x) - p) / phi;
  return x - u / (1 + (x * u) / 2);
}
