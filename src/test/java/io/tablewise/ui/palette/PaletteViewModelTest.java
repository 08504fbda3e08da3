package io.tablewise.ui.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tablewise.node.registry.NodeRegistry;
import io.tablewise.ui.Messages;

class PaletteViewModelTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void everyRegisteredNodeTypeIsInItsCategory() {
        Messages.use(Locale.ENGLISH);
        NodeRegistry registry = NodeRegistry.builtIn();
        Map<String, List<PaletteViewModel.Entry>> groups = new PaletteViewModel(registry).groups("");
        assertEquals(registry.all().size(), groups.values().stream().mapToInt(List::size).sum());
        assertEquals("Data", groups.keySet().iterator().next());
        groups.forEach((category, entries) -> entries.forEach(e -> assertEquals(category, e.category())));
    }

    @Test
    void searchMatchesNameHelpAndIdWithEveryWord() {
        Messages.use(Locale.ENGLISH);
        PaletteViewModel model = new PaletteViewModel(NodeRegistry.builtIn());
        Map<String, List<PaletteViewModel.Entry>> found = model.groups("fill missing median");
        assertEquals(List.of("transform.missing.impute"),
                found.values().stream().flatMap(List::stream).map(PaletteViewModel.Entry::typeId).toList());
        assertTrue(model.groups("onehot zzz").isEmpty());
        assertTrue(model.groups("one-hot").values().stream().flatMap(List::stream)
                .anyMatch(e -> e.typeId().equals("transform.encode.one-hot")));
    }

    @Test
    void inKoreanTheNamesAndCategoriesAreKoreanAndSearchable() {
        Messages.use(Locale.KOREAN);
        PaletteViewModel model = new PaletteViewModel(NodeRegistry.builtIn());
        Map<String, List<PaletteViewModel.Entry>> found = model.groups("결측값 채우기");
        assertEquals("결측값 채우기", found.get("Missing values").get(0).name());
        assertEquals("결측값", PaletteViewModel.categoryName("Missing values"));
        assertTrue(model.groups("모델").containsKey("Model"));
    }
}
