/**
 * The deploy panel: search offers, rent the cheapest, wait for it to run, and the checks that stop a rent the credit
 * or the account guard would not allow ({@link io.imggenhub.vast.ui.deploy.DeployGuards}).
 */
package io.imggenhub.vast.ui.deploy;
