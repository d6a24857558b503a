// Binary logistic regression with an L2 penalty, fitted by L-BFGS on the full batch: exact,
// deterministic (no shuffling) and fast enough for tens of thousands of sparse rows. Used by
// `scripts/train.ts` and `scripts/eval-classifiers.ts`; inference needs only `model.ts`.

/** Sparse rows in compressed form: row r's features are indices[offsets[r] .. offsets[r+1]). */
export interface SparseRows {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  labels: Uint8Array;
  features: number;
}

export interface Fitted {
  bias: number;
  weights: Float64Array;
}

export interface FitOptions {
  /** L2 strength on the mean log-loss (the bias is not penalised). */
  l2: number;
  iterations?: number;
  /** L-BFGS memory. */
  memory?: number;
  /** How much each positive row counts against each negative one (1: as labelled; n⁻/n⁺: balanced classes). */
  positiveWeight?: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function rowScore(rows: SparseRows, r: number, fit: Fitted): number {
  let z = fit.bias;
  for (let k = rows.offsets[r]; k < rows.offsets[r + 1]; k++) z += fit.weights[rows.indices[k]] * rows.values[k];
  return z;
}

/** Minimises mean log-loss + l2/2·|w|² over [w…, bias]; the parameter vector's last slot is the bias. */
export function fitLogistic(rows: SparseRows, options: FitOptions): Fitted {
  const n = rows.labels.length;
  const dim = rows.features + 1;
  const positiveWeight = options.positiveWeight ?? 1;
  // rows are weighted so that the weights average 1 and the L2 strength keeps its meaning
  let total = 0;
  for (let r = 0; r < n; r++) total += rows.labels[r] ? positiveWeight : 1;
  const rowWeight = [n / total, (positiveWeight * n) / total];
  const lossAndGradient = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let r = 0; r < n; r++) {
      let z = theta[dim - 1];
      for (let k = rows.offsets[r]; k < rows.offsets[r + 1]; k++) z += theta[rows.indices[k]] * rows.values[k];
      const y = rows.labels[r];
      // log(1 + e^-m) with m = ±z, written to stay finite for large margins
      const m = y ? z : -z;
      loss += rowWeight[y] * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
      const g = (rowWeight[y] * (sigmoid(z) - y)) / n;
      for (let k = rows.offsets[r]; k < rows.offsets[r + 1]; k++) grad[rows.indices[k]] += g * rows.values[k];
      grad[dim - 1] += g;
    }
    loss /= n;
    for (let j = 0; j < dim - 1; j++) {
      loss += 0.5 * options.l2 * theta[j] * theta[j];
      grad[j] += options.l2 * theta[j];
    }
    return loss;
  };
  const theta = lbfgs(lossAndGradient, dim, options.iterations ?? 200, options.memory ?? 10);
  return { bias: theta[dim - 1], weights: theta.subarray(0, dim - 1) };
}

/** Limited-memory BFGS with a backtracking (Armijo) line search, from θ = 0. */
function lbfgs(f: (x: Float64Array, g: Float64Array) => number, dim: number, iterations: number, memory: number): Float64Array {
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < dim; i++) s += a[i] * b[i];
    return s;
  };
  let x = new Float64Array(dim);
  let g = new Float64Array(dim);
  let fx = f(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(memory);
  for (let it = 0; it < iterations; it++) {
    // two-loop recursion: direction = -H·g
    const d = Float64Array.from(g, (v) => -v);
    for (let i = s.length - 1; i >= 0; i--) {
      alpha[i] = rho[i] * dot(s[i], d);
      for (let j = 0; j < dim; j++) d[j] -= alpha[i] * y[i][j];
    }
    if (s.length) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let j = 0; j < dim; j++) d[j] *= gamma;
    }
    for (let i = 0; i < s.length; i++) {
      const beta = rho[i] * dot(y[i], d);
      for (let j = 0; j < dim; j++) d[j] += s[i][j] * (alpha[i] - beta);
    }
    const slope = dot(g, d);
    if (slope >= 0) break;
    let step = it === 0 ? 1 / Math.sqrt(dot(g, g)) : 1;
    const nx = new Float64Array(dim);
    const ng = new Float64Array(dim);
    let nf = Infinity;
    for (let tries = 0; tries < 30; tries++, step *= 0.5) {
      for (let j = 0; j < dim; j++) nx[j] = x[j] + step * d[j];
      nf = f(nx, ng);
      if (nf <= fx + 1e-4 * step * slope) break;
    }
    if (!(nf < fx)) break;
    const sk = new Float64Array(dim);
    const yk = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      sk[j] = nx[j] - x[j];
      yk[j] = ng[j] - g[j];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === memory) (s.shift(), y.shift(), rho.shift());
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const converged = (fx - nf) / Math.max(1, Math.abs(fx)) < 1e-7;
    x = nx;
    g = ng;
    fx = nf;
    if (converged) break;
  }
  return x;
}
