/** The picocli command line, thin over the core. */
package io.imggenhub.vast.cli;
