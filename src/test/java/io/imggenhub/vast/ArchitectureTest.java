package io.imggenhub.vast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package graph docs/architecture.md draws, checked on the compiled classes so it holds by more than
 * discipline. Each package with everything under it is one layer: {@code ui..} stays one layer however the window is
 * split into feature packages, {@code core..} includes the guards.
 */
@AnalyzeClasses(
        packages = "io.imggenhub.vast",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    private static final String ROOT = "io.imggenhub.vast";

    @ArchTest
    static final ArchRule layersPointDownOnly = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Launcher")
            .definedBy(ROOT)
            .layer("Cli")
            .definedBy(ROOT + ".cli..")
            .layer("Ui")
            .definedBy(ROOT + ".ui..")
            .layer("Store")
            .definedBy(ROOT + ".store..")
            .layer("Core")
            .definedBy(ROOT + ".core..")
            .layer("Api")
            .definedBy(ROOT + ".api..")
            .layer("Config")
            .definedBy(ROOT + ".config..")
            .layer("Sim")
            .definedBy(ROOT + ".sim..")
            .whereLayer("Launcher")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli")
            .mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Ui")
            .mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Store")
            .mayOnlyAccessLayers("Core", "Api", "Config")
            .whereLayer("Core")
            .mayOnlyAccessLayers("Api", "Config")
            .whereLayer("Api")
            .mayOnlyAccessLayers("Config")
            .whereLayer("Config")
            .mayNotAccessAnyLayer()
            .whereLayer("Sim")
            .mayNotAccessAnyLayer()
            .because("the CLI and the window are two thin faces over one core; the simulator stands in for Vast and "
                    + "shares nothing with the client it tests");

    @ArchTest
    static final ArchRule noJavaFxBelowTheWindow = noClasses()
            .that()
            .resideInAnyPackage(
                    ROOT + ".api..", ROOT + ".core..", ROOT + ".store..", ROOT + ".config..", ROOT + ".sim..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the CLI runs them headless and their tests need no toolkit");

    @ArchTest
    static final ArchRule theWindowAsksServicesNotHttp = noClasses()
            .that()
            .resideInAPackage(ROOT + ".ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.net.http..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName(ROOT + ".api.VastClient")
            .because("views reach Vast through core's services (VastServices), which pace and audit every call");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
}
