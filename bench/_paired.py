"""Paired, interleaved timing for the ratio benchmarks in bench/: the one place their timing logic lives.

Timing one arm after the other measures the neighbours as much as the code: a job that starts or stops between the arms
moves the ratio (issue 37: 1.31x quiet, 0.26x busy for the same two arms). Here each pair times arm A and arm B back to
back (their order alternates: A B, B A, A B, ...), after a warm-up of each, and the ratio is taken *within* each pair,
so load that lasts longer than one pair slows both arms alike and cancels. What is reported is the median of the paired
ratios with its spread (quartiles, min-max, n pairs): a wide spread says the machine changed within pairs, a narrow one
that the median is a measurement.

    from _paired import paired_ratio
    r = paired_ratio(lambda: masked_step(), lambda: plain_step(), pairs=20, warmup=2)
    print(f'masked / plain: {r}')   # 1.03x (IQR 1.01-1.05, min-max 0.97-1.12, 20 pairs)

The ratio is time(A) / time(B): put the arm expected to be slower first to read "A costs r times B", or the baseline
first to read "B is r times faster than A".
"""
from __future__ import annotations
import statistics, time
from dataclasses import dataclass, field
from typing import Callable

__all__ = ['Paired', 'paired_ratio', 'quantile']

def quantile(xs, q:float)->float:
    "Linear-interpolated quantile `q` (0..1) of `xs` (numpy's default method)."
    s = sorted(xs)
    if not s: return float('nan')
    i = q * (len(s) - 1); lo = int(i); hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (i - lo)

@dataclass
class Paired:
    "Per-pair seconds of each arm and their ratios time(A)/time(B)."
    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)
    @property
    def ratios(self)->list[float]: return [x / y for x, y in zip(self.a, self.b)]
    @property
    def n(self)->int: return len(self.a)
    @property
    def median(self)->float: return statistics.median(self.ratios)
    @property
    def q25(self)->float: return quantile(self.ratios, 0.25)
    @property
    def q75(self)->float: return quantile(self.ratios, 0.75)
    @property
    def min(self)->float: return min(self.ratios)
    @property
    def max(self)->float: return max(self.ratios)
    @property
    def a_median(self)->float: return statistics.median(self.a)
    @property
    def b_median(self)->float: return statistics.median(self.b)
    def inverse(self)->'Paired':
        "The same pairs with the arms swapped (ratio time(B)/time(A), e.g. a speed-up instead of a slow-down)."
        return Paired(self.b, self.a)
    def spread(self, digits:int=2)->str:
        f = f'.{digits}f'
        return f'IQR {self.q25:{f}}-{self.q75:{f}}, min-max {self.min:{f}}-{self.max:{f}}, {self.n} pairs'
    def fmt(self, digits:int=2)->str:
        "'1.03x (IQR 1.01-1.05, min-max 0.97-1.12, 20 pairs)'"
        return f'{self.median:.{digits}f}x ({self.spread(digits)})'
    __str__ = fmt

def paired_ratio(arm_a:Callable[[], object], arm_b:Callable[[], object], pairs:int=10, warmup:int=1, number:int=1,
                 sync:Callable[[], object]|None=None, timer:Callable[[], float]=time.perf_counter)->Paired:
    """Time `arm_a` and `arm_b` interleaved: `warmup` untimed calls of each (A B), then `pairs` pairs, each timing `number`
    calls of one arm right after `number` calls of the other (A B, then B A, ... so neither arm always goes first).
    `sync` (e.g. `torch.cuda.synchronize`) runs before each clock read.
    Returns a `Paired`: `.median`, `.q25`, `.q75`, `.ratios` (time(A)/time(B) per pair), `.a`/`.b` (seconds per pair)."""
    if pairs < 1: raise ValueError(f'pairs must be >= 1, got {pairs}')
    def timed(arm):
        if sync: sync()
        t0 = timer()
        for _ in range(number): arm()
        if sync: sync()
        return timer() - t0
    for _ in range(warmup): arm_a(); arm_b()
    res = Paired()
    for i in range(pairs):
        if i % 2 == 0: ta = timed(arm_a); tb = timed(arm_b)
        else: tb = timed(arm_b); ta = timed(arm_a)
        res.a.append(ta); res.b.append(tb)
    return res
