#!/usr/bin/env python3
"""PyTorch counterpart of TrainingStepBenchmark: one PIS training step with the log-variance loss.

Same step as the Java benchmark (gmm9 target in d = 2, T = 5, sigma = sqrt(0.2), uniform grid of N Euler
steps, batch B, on-policy detached paths, reference control = Fourier MLP (width 64, two hidden layers, GELU
tanh form, zero output layer) + Langevin term NN2(t) * clip(score, +-100) with its own time network (output
bias 0.01), LV loss scaled by 1/d, global-norm clip 1.0, Adam). The paths are simulated without gradient
through the SDE (states detached, as the LV loss requires) and the whole path's graph is kept for one
backward, which is how the PIS/LV reference code does it in PyTorch.

Usage: /usr/bin/python3 pis_lv_step.py [--batch 512] [--steps 100] [--threads 2] [--dtype float32|float64]
           [--warmup 3] [--iters 10]
Prints one line: 'pytorch ... median_ms=<m>'.
"""
import argparse
import math
import statistics
import time

import torch

p = argparse.ArgumentParser()
p.add_argument("--batch", type=int, default=512)
p.add_argument("--steps", type=int, default=100)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--dtype", default="float32", choices=["float32", "float64"])
p.add_argument("--warmup", type=int, default=3)
p.add_argument("--iters", type=int, default=10)
args = p.parse_args()

torch.set_num_threads(args.threads)
torch.manual_seed(0)
dtype = getattr(torch, args.dtype)
torch.set_default_dtype(dtype)

D, WIDTH, LAYERS = 2, 64, 2
T, SIGMA = 5.0, math.sqrt(0.2)
MEANS = torch.tensor([[a, b] for a in (-5.0, 0.0, 5.0) for b in (-5.0, 0.0, 5.0)])
VAR = 0.3


def gelu(x):
    return torch.nn.functional.gelu(x, approximate="tanh")


class TimeEmbedding(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.register_buffer("omega", torch.linspace(0.1, 100.0, width)[None, :])
        self.phase = torch.nn.Parameter(torch.randn(1, width))

    def forward(self, t):  # t: 1x1
        arg = t * self.omega + self.phase
        return torch.cat([torch.sin(arg), torch.cos(arg)], dim=1)


def mlp(sizes, zero_last, last_bias=0.0):
    layers = []
    for i in range(len(sizes) - 1):
        lin = torch.nn.Linear(sizes[i], sizes[i + 1])
        if i == len(sizes) - 2 and zero_last:
            torch.nn.init.zeros_(lin.weight)
            torch.nn.init.constant_(lin.bias, last_bias)
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(torch.nn.GELU(approximate="tanh"))
    return torch.nn.Sequential(*layers)


class FourierMlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = TimeEmbedding(WIDTH)
        self.time_net = mlp([2 * WIDTH, WIDTH, WIDTH], zero_last=False)
        self.input_embed = torch.nn.Linear(D, WIDTH)
        self.body = mlp([WIDTH] * (LAYERS + 1) + [D], zero_last=True)

    def forward(self, x, t):
        return self.body(gelu(self.input_embed(x) + self.time_net(self.emb(t))))


class TimeNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = TimeEmbedding(WIDTH)
        self.mlp = mlp([2 * WIDTH] + [WIDTH] * LAYERS + [D], zero_last=True, last_bias=0.01)

    def forward(self, t):
        return self.mlp(self.emb(t))


def log_target(x):
    d2 = ((x[:, None, :] - MEANS[None, :, :]) ** 2).sum(-1)
    return torch.logsumexp(-d2 / (2 * VAR), dim=1) - math.log(9.0) - D / 2 * math.log(2 * math.pi * VAR)


def score(x):
    diff = MEANS[None, :, :] - x[:, None, :]
    w = torch.softmax(-(diff ** 2).sum(-1) / (2 * VAR), dim=1)
    return (w[:, :, None] * diff).sum(1) / VAR


nn1, nn2 = FourierMlp(), TimeNet()
params = list(nn1.parameters()) + list(nn2.parameters())
opt = torch.optim.Adam(params, lr=5e-3)
N = args.steps
dt = T / N
s = SIGMA * math.sqrt(dt)      # std of an Euler step
lam = SIGMA * dt               # control scale: mean = x + lam * u


def step():
    opt.zero_grad(set_to_none=True)
    x = torch.zeros(args.batch, D)
    logw = torch.zeros(args.batch)
    for n in range(N):
        t = torch.full((1, 1), n * dt)
        with torch.no_grad():
            sc = score(x).clamp(-100.0, 100.0)
        u = nn1(x, t) + nn2(t) * sc
        with torch.no_grad():
            nxt = x + lam * u + s * torch.randn(args.batch, D)
        e = nxt - x
        logw = logw + lam * lam / (2 * s * s) * (u * u).sum(1) - lam / (s * s) * (u * e).sum(1)
        x = nxt
    ref = -(x * x).sum(1) / (2 * SIGMA ** 2 * T) - D / 2 * math.log(2 * math.pi * SIGMA ** 2 * T)
    logw = logw + log_target(x) - ref
    loss = ((logw - logw.mean()) ** 2).mean() / D
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    opt.step()
    return loss.item()


for _ in range(args.warmup):
    step()
times = []
for _ in range(args.iters):
    t0 = time.perf_counter()
    step()
    times.append((time.perf_counter() - t0) * 1e3)
print("pytorch %s torch=%s batch=%d steps=%d threads=%d iters=%d times_ms=%s median_ms=%.1f" % (
    args.dtype, torch.__version__, args.batch, args.steps, args.threads, args.iters,
    [round(v) for v in times], statistics.median(times)))
