// The SmithyModel module.
