// The CodeGenerator module.
