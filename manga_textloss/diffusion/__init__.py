"Stage 5, diffusion: losses and weights, the training loop, the DDPM, VAE and LDM tasks."
